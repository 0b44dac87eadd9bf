import Link from 'next/link';
import { Package } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { ListingCard as Card } from '@/lib/marketplace/queries';
import { formatMinor, formatRating, kindLabels, photoUrl } from './format';

/** One listing in a grid: photo, title, price (a rental shows its daily rate), seller and rating. */
export function ListingCard({ l, showSeller = true }: { l: Card; showSeller?: boolean }) {
  const price = l.kind === 'tool_rental' ? `${formatMinor(l.dailyRateMinor ?? l.priceMinor, l.currency)} / day` : formatMinor(l.priceMinor, l.currency);
  return (
    <li className="grid min-w-0 overflow-hidden rounded-lg border bg-surface" data-testid="listing-card">
      <Link href={`/marketplace/${l.id}`} className="group grid min-w-0 gap-2 focus-visible:outline-2">
        {l.photoId ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by the photo route with its own access check
          <img src={photoUrl(l.photoId)} alt="" loading="lazy" className="aspect-[16/9] w-full object-cover sm:aspect-[4/3]" />
        ) : (
          <div className="grid aspect-[16/9] w-full place-items-center bg-surface-muted text-muted sm:aspect-[4/3]" aria-hidden="true">
            <Package className="size-10" />
          </div>
        )}
        <div className="grid min-w-0 gap-1 p-3 pt-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={l.kind === 'tool_rental' ? 'info' : 'neutral'}>{kindLabels[l.kind]}</Badge>
            {l.categoryName ? <span className="text-xs text-muted">{l.categoryName}</span> : null}
          </div>
          <h3 className="font-semibold break-words group-hover:underline">{l.title}</h3>
          <p className="font-semibold">{price}</p>
          {l.available != null && l.kind !== 'service_package' ? (
            <p className="text-sm text-muted">{l.available > 0 ? `${l.available} available now` : 'None available right now'}</p>
          ) : null}
          {showSeller ? (
            <p className="text-sm text-muted">
              {l.sellerName} · {formatRating(l.ratingX100, l.ratingCount)}
            </p>
          ) : null}
        </div>
      </Link>
    </li>
  );
}
