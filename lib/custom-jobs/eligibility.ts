/**
 * Which providers may see and bid on a custom job (DOMAIN.md): zone coverage for a service in the
 * job's category (an out-of-zone job: any active service in the category), or an invitation; an
 * invite-only job is for its invitees alone. Never the customer's own business (a provider admin
 * who posts a job as a customer cannot bid on it). Compliance gates join here when they exist.
 * One SQL predicate, used by the feed (many jobs) and by the bid verbs (one job), so they agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';

/** `j` is the custom_jobs alias; `org` the provider organisation id expression; `at` the instant. */
export function eligibleSql(org: SQL, at: Date): SQL {
  const now = sql`${at.toISOString()}::timestamptz`;
  return sql`(
    (exists (select 1 from custom_job_invites i where i.job_id = j.id and i.provider_org_id = ${org})
     or (not j.invite_only and (
       (j.zone_id is not null and exists (
          select 1 from zone_coverage zc join services s on s.id = zc.service_id
           where zc.provider_org_id = ${org} and zc.zone_id = j.zone_id and s.category_id = j.category_id
             and s.status = 'active' and zc.effective_from <= ${now} and (zc.effective_to is null or zc.effective_to > ${now})))
       or (j.zone_id is null and exists (
          select 1 from services s where s.provider_org_id = ${org} and s.category_id = j.category_id and s.status = 'active')))))
    and not exists (select 1 from memberships m where m.user_id = j.customer_id and m.org_id = ${org})
  )`;
}

export async function isEligibleProvider(ex: Executor, q: { jobId: string; providerOrgId: string; at: Date }): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(
    await ex.execute(sql`select ${eligibleSql(sql`${q.providerOrgId}::uuid`, q.at)} as ok from custom_jobs j where j.id = ${q.jobId}::uuid`),
  );
  return rows[0]?.ok === true;
}
