import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';

/**
 * Recomputes provider_profiles.rating_x_100 / rating_count from the provider's visible reviews
 * (published, or reported and awaiting moderation — hidden ones never count), inside the caller's
 * transaction so ranking (lib/geo/score.ts) never sees a rating out of step with the reviews.
 * Rounded half-up to 2 decimals (×100); null when no review counts.
 */
export async function recomputeProviderRating(tx: Tx, providerOrgId: string): Promise<void> {
  await tx.execute(sql`
    update provider_profiles p set
      rating_x_100 = r.x100,
      rating_count = r.n,
      updated_at = now()
    from (
      select count(*)::int as n,
             case when count(*) = 0 then null else round(avg(rating)::numeric * 100)::int end as x100
      from reviews where provider_org_id = ${providerOrgId} and status <> 'hidden'
    ) r
    where p.org_id = ${providerOrgId}`);
}
