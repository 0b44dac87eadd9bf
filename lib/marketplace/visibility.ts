/**
 * Who sees a listing in the marketplace (DOMAIN.md): an APPROVED listing of an approved, in-date,
 * unsuspended seller. Decided at query time, so a seller whose insurance lapses at midnight drops
 * out of every feed at once without any listing being edited, and comes back when a renewal is
 * approved. Every public read of listings (browse, detail, business front, checkout, rental
 * request) goes through this one predicate.
 */
import { sql, type SQL } from 'drizzle-orm';
import { insuredSellerSql } from '@/lib/compliance/status';

/** SQL boolean over a `listings` row aliased `l`. */
export function visibleListingSql(now: Date, alias = 'l'): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.status = 'approved' and ${insuredSellerSql(sql`${a}.provider_org_id`, now)})`;
}
