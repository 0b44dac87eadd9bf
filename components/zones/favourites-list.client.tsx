'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Heart, HeartOff, Star } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { EmptyState } from '@/components/ui/states';
import { toggleFavouriteAction } from '@/lib/geo/favourite-actions';

export interface FavouriteView {
  orgId: string;
  name: string;
  slug: string;
  tagline: string;
  /** e.g. "4.6 (12 reviews)" or null when unrated. */
  ratingLabel: string | null;
}

/** Saved providers with a remove button each; removal is optimistic and rolls back on failure. */
export function FavouritesList({ items }: { items: FavouriteView[] }) {
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const visible = items.filter((i) => !removed.has(i.orgId));

  if (visible.length === 0) {
    return (
      <>
        <p className="sr-only" role="status">
          {status}
        </p>
        <EmptyState
          icon={<Heart />}
          title="No saved providers yet"
          description="Save providers from the explorer with the heart button to find them again here."
          action={
            <Link href="/" className={buttonClasses()}>
              Explore providers
            </Link>
          }
        />
      </>
    );
  }

  return (
    <>
      <p className="sr-only" role="status">
        {status}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2" aria-label="Saved providers">
        {visible.map((f) => (
          <FavouriteCard
            key={f.orgId}
            item={f}
            onRemoved={(ok) => {
              setRemoved((r) => {
                const next = new Set(r);
                if (ok) next.add(f.orgId);
                else next.delete(f.orgId);
                return next;
              });
              setStatus(ok ? `Removed ${f.name} from saved providers.` : `${f.name} could not be removed.`);
            }}
          />
        ))}
      </ul>
    </>
  );
}

function FavouriteCard({ item, onRemoved }: { item: FavouriteView; onRemoved: (ok: boolean) => void }) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function remove() {
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await toggleFavouriteAction({ providerOrgId: item.orgId, favourite: false });
        if (result.ok) {
          onRemoved(true);
          toast.success(`Removed ${item.name}`);
          router.refresh();
          return;
        }
        toast.error(result.error.message);
      } catch {
        toast.error('Could not remove it. Check your connection and try again.');
      }
      onRemoved(false);
    });
  }

  return (
    <li className="grid gap-2 rounded-lg border bg-surface p-4" data-testid="favourite">
      <div className="grid gap-0.5">
        <Link href={`/?q=${encodeURIComponent(item.name)}`} className="font-semibold text-link underline-offset-4 hover:underline">
          {item.name}
        </Link>
        {item.tagline ? <p className="text-sm text-muted">{item.tagline}</p> : null}
        <p className="flex items-center gap-1 text-sm">
          <Star aria-hidden="true" className="size-4 text-muted" />
          {item.ratingLabel ?? 'No reviews yet'}
        </p>
      </div>
      <div>
        <Button variant="secondary" size="sm" loading={pending} onClick={remove}>
          <HeartOff aria-hidden="true" />
          Remove<span className="sr-only"> {item.name} from saved providers</span>
        </Button>
      </div>
    </li>
  );
}
