import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { slotTaken } from './internal';

/**
 * Traffic control for a hot slot. When many customers ask for the same slot at once, all but one
 * must lose — and a loser should cost one cheap read, not a zone lookup, a quote, a payment hold and
 * a wait on the crew's row locks. This gate answers "could ANY crew still be free for this
 * window?" with one indexed query (active assignments overlapping the window, the same GiST index
 * as the exclusion constraint). It only ever says no when the answer is certain: qualified active
 * servicemen minus those already booked is below the crew size. Working hours, time off and the
 * final choice are left to the locked path, and the exclusion constraint stays the safety net.
 */
export async function slotCertainlyTaken(ex: Executor, serviceId: string, startsAt: Date): Promise<boolean> {
  const rows = rowsOf<{ crew_size: number; free: number | string }>(
    await ex.execute(sql`
      with s as (
        select sv.provider_org_id, sv.crew_size, cat.slug,
               tstzrange(${startsAt.toISOString()}::timestamptz - make_interval(mins => sv.buffer_before_minutes),
                         ${startsAt.toISOString()}::timestamptz + make_interval(mins => sv.duration_minutes + sv.buffer_after_minutes), '[)') as win
          from services sv join service_categories cat on cat.id = sv.category_id
         where sv.id = ${serviceId}::uuid
      )
      select s.crew_size,
             (select count(*) from servicemen m
               where m.provider_org_id = s.provider_org_id and m.status = 'active' and s.slug = any(m.skills)
                 and not exists (select 1 from booking_assignments a
                                  where a.serviceman_id = m.id and a.active and a."window" && s.win)) as free
        from s`),
  );
  const row = rows[0];
  // An unknown service is not this gate's business: the full path answers it with a field error.
  if (!row) return false;
  return Number(row.free) < Number(row.crew_size);
}

/** The gate as a guard: a scheduled request for a slot that is certainly taken is a 409 with the alternatives link. */
export async function refuseCertainlyTakenSlot(ex: Executor, input: { type: string; serviceId: string; startsAt?: string | null }): Promise<void> {
  if (input.type !== 'scheduled' || !input.startsAt) return;
  const startsAt = new Date(input.startsAt);
  if (await slotCertainlyTaken(ex, input.serviceId, startsAt)) throw slotTaken(input.serviceId, startsAt);
}
