/**
 * The operations SLA board: bookings whose SLA deadline is due within the next hour (at risk;
 * already-overdue pending ones the sweeper has not reached yet count too) and bookings whose SLA
 * was breached while the booking is still open. Platform-wide, so 'bookings.read_all' only.
 * Read-only; operations act on a row through reassignCrew (lib/bookings/reassign-crew.ts).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';

export const SLA_BOARD_KINDS = ['acceptance_sla', 'arrival_sla', 'completion_sla', 'provider_confirmation'] as const;
export type SlaBoardKind = (typeof SLA_BOARD_KINDS)[number];
const AT_RISK_WINDOW_MS = 3_600_000;

export const slaBoardQuery = z.object({
  zoneId: z.uuid({ message: 'must be a valid id' }).optional().or(z.literal('').transform(() => undefined)),
  kind: z.enum(SLA_BOARD_KINDS, { message: 'must be an SLA kind' }).optional().or(z.literal('').transform(() => undefined)),
});

export interface SlaBoardRow {
  deadlineId: string;
  bookingId: string;
  reference: string;
  bookingStatus: string;
  kind: SlaBoardKind;
  dueAt: string;
  /** Minutes since the booking was created. */
  ageMinutes: number;
  /** Minutes until due (negative: overdue). */
  dueInMinutes: number;
  zoneId: string;
  zoneName: string;
  timeZone: string;
  providerOrgId: string;
  providerName: string;
  serviceTitle: string;
  escalatedAt: string | null;
  /** The active crew's names, lead first ('' when nobody is assigned). */
  crew: string;
  /** Whether operations can give it another crew now (not once the crew is on site). */
  reassignable: boolean;
}

type Raw = {
  deadline_id: string;
  booking_id: string;
  reference: string;
  booking_status: string;
  kind: SlaBoardKind;
  due_at: string | Date;
  created_at: string | Date;
  zone_id: string;
  zone_name: string;
  time_zone: string;
  provider_org_id: string;
  provider_name: string;
  service_title: string;
  escalated_at: string | Date | null;
  status: string;
  crew: string | null;
};

export async function slaBoard(ctx: Ctx, raw: unknown = {}): Promise<{ atRisk: SlaBoardRow[]; breached: SlaBoardRow[]; generatedAt: string }> {
  authorize(ctx.actor, 'bookings.read_all');
  const q = parseInput(slaBoardQuery, raw);
  const horizon = new Date(ctx.now.getTime() + AT_RISK_WINDOW_MS).toISOString();
  const kinds = q.kind ? [q.kind] : [...SLA_BOARD_KINDS];
  const kindList = sql.join(kinds.map((k) => sql`${k}::booking_deadline_kind`), sql`, `);
  const zoneCond = q.zoneId ? sql`and b.zone_id = ${q.zoneId}::uuid` : sql``;
  const rows = rowsOf<Raw>(
    await exec(ctx).execute(sql`
      select d.id::text as deadline_id, b.id::text as booking_id, b.reference, b.status::text as booking_status, d.kind::text as kind,
             d.due_at, b.created_at, z.id::text as zone_id, z.name as zone_name, b.time_zone, o.id::text as provider_org_id,
             o.name as provider_name, s.title as service_title, d.escalated_at, d.status::text as status,
             (select string_agg(m.display_name, ', ' order by a.role, m.display_name) from booking_assignments a
                join servicemen m on m.id = a.serviceman_id where a.booking_id = b.id and a.active) as crew
        from booking_deadlines d
        join bookings b on b.id = d.booking_id
        join zones z on z.id = b.zone_id
        join organisations o on o.id = b.provider_org_id
        join services s on s.id = b.service_id
       where d.kind in (${kindList}) ${zoneCond}
         and b.status in ('pending', 'awaiting_assignment', 'scheduled', 'in_progress')
         and ((d.status = 'pending' and d.due_at <= ${horizon}::timestamptz) or d.status = 'breached')
       order by d.due_at, d.id
       limit 500`),
  );
  const toRow = (r: Raw): SlaBoardRow => {
    const due = new Date(r.due_at);
    return {
      deadlineId: r.deadline_id,
      bookingId: r.booking_id,
      reference: r.reference,
      bookingStatus: r.booking_status,
      kind: r.kind,
      dueAt: due.toISOString(),
      ageMinutes: Math.max(0, Math.floor((ctx.now.getTime() - new Date(r.created_at).getTime()) / 60_000)),
      dueInMinutes: Math.round((due.getTime() - ctx.now.getTime()) / 60_000),
      zoneId: r.zone_id,
      zoneName: r.zone_name,
      timeZone: r.time_zone,
      providerOrgId: r.provider_org_id,
      providerName: r.provider_name,
      serviceTitle: r.service_title,
      escalatedAt: r.escalated_at ? new Date(r.escalated_at).toISOString() : null,
      crew: r.crew ?? '',
      reassignable: r.booking_status === 'pending' || r.booking_status === 'awaiting_assignment' || r.booking_status === 'scheduled',
    };
  };
  return {
    atRisk: rows.filter((r) => r.status === 'pending').map(toRow),
    breached: rows.filter((r) => r.status === 'breached').map(toRow),
    generatedAt: ctx.now.toISOString(),
  };
}
