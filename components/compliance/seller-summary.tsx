import { ShieldAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { SellerStatus } from '@/lib/compliance/status';
import { formatDateTime } from '@/lib/core/format-time';
import { sellerLabel, sellerTone } from './format';
import { VerifiedBadge } from './verified-badge';

/** The business's insured-seller status, score, suspension and a preview of its public badge. */
export function SellerSummary({ seller, name }: { seller: SellerStatus; name: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Insured-seller status</CardTitle>
        <CardDescription>
          Only approved sellers can publish listings; when a document lapses your listings are hidden from the marketplace until a current one is approved.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={sellerTone[seller.status]} data-testid="seller-status">
            {sellerLabel[seller.status]}
          </Badge>
          <span className="text-sm text-muted">{name}</span>
        </div>
        <div className="grid gap-1">
          <div className="flex justify-between text-sm">
            <span id="compliance-score-label">Compliance score</span>
            <span className="font-medium tabular-nums">{seller.score}%</span>
          </div>
          <div role="progressbar" aria-labelledby="compliance-score-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={seller.score} className="h-2 overflow-hidden rounded-full bg-surface-muted">
            <div className="h-full rounded-full bg-primary" style={{ width: `${seller.score}%` }} />
          </div>
        </div>
        {seller.suspension ? (
          <div role="alert" className="flex gap-2 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm text-danger-soft-fg">
            <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <p>
              <strong>Suspended</strong> since {formatDateTime(seller.suspension.since)}: {seller.suspension.reason}. Your listings are hidden until Fixnado operations reinstate your business.
            </p>
          </div>
        ) : null}
        <div className="grid gap-1">
          <p className="text-sm font-medium">Badge preview</p>
          {seller.status === 'approved' ? (
            <VerifiedBadge status={seller} />
          ) : (
            <p className="text-sm text-muted">Your badge appears on your business page and listings once every required document is approved{seller.status === 'suspended' ? ' and the suspension is lifted' : ''}.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
