import type { SellerStatus } from '@/lib/compliance/status';
import { badgeClasses } from '@/components/ui/badge';

const short: Record<string, string> = {
  insurance_certificate: 'insurance',
  public_liability: 'public liability',
  identity: 'identity',
  dbs_check: 'DBS check',
};

const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);

/**
 * The insured-seller badge (DOMAIN.md): shown ONLY when the seller is approved, and it says what
 * was verified and when — never a bare tick. Server component; pass the derived status.
 */
export function VerifiedBadge({ status, className }: { status: Pick<SellerStatus, 'status' | 'documents' | 'verifiedAt'>; className?: string }) {
  if (status.status !== 'approved') return null;
  const what = status.documents.filter((d) => d.state === 'valid').map((d) => short[d.docType] ?? d.label);
  const label = `Insured seller: ${what.join(', ')} verified${status.verifiedAt ? ` · checked ${day(status.verifiedAt)}` : ''}`;
  return (
    <span className={badgeClasses({ tone: 'success', className: `whitespace-normal ${className ?? ''}` })} title={label}>
      <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor">
        <path d="M8 1 2.5 3v4.4c0 3.4 2.3 6.4 5.5 7.6 3.2-1.2 5.5-4.2 5.5-7.6V3L8 1Zm-1 9.6L4.6 8.2l1-1L7 8.6l3.4-3.4 1 1L7 10.6Z" />
      </svg>
      <span>{label}</span>
    </span>
  );
}
