import { eq } from 'drizzle-orm';
import { servicemanExceptions, servicemanTimeOff } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { notFound, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { zonedTimeToInstant } from '@/lib/core/zoned-time';
import { authorizeCrewWrite, loadServicemanForWrite } from './access';
import { addExceptionInput, addTimeOffInput, removeExceptionInput, removeTimeOffInput } from './schemas';

const MAX_TIME_OFF_MS = 366 * 86_400_000;

/** One date (in the crew member's zone): unavailable all day or between times, or extra hours. */
export async function addException(ctx: Ctx, raw: unknown): Promise<{ exceptionId: string }> {
  authorizeCrewWrite(ctx.actor, true);
  const input = parseInput(addExceptionInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadServicemanForWrite(c, input.servicemanId, true);
    const id = newId();
    await c.tx.insert(servicemanExceptions).values({
      id,
      servicemanId: row.id,
      onDate: input.date,
      kind: input.kind,
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      reason: input.reason,
      createdAt: c.now,
    });
    // The reason is free text a person typed: it stays out of the audit trail (erasure).
    await recordAudit(c, {
      action: 'crew.add_exception',
      entityType: 'serviceman',
      entityId: row.id,
      tenantId: row.providerOrgId,
      data: { exceptionId: id, date: input.date, kind: input.kind, startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null },
    });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'exception' }, row.providerOrgId);
    return { exceptionId: id };
  });
}

export async function removeException(ctx: Ctx, raw: unknown): Promise<{ exceptionId: string }> {
  authorizeCrewWrite(ctx.actor, true);
  const input = parseInput(removeExceptionInput, raw);
  return withTx(ctx, async (c) => {
    const [ex] = await c.tx.select().from(servicemanExceptions).where(eq(servicemanExceptions.id, input.exceptionId));
    if (!ex) throw notFound('That exception');
    const row = await loadServicemanForWrite(c, ex.servicemanId, true);
    await c.tx.delete(servicemanExceptions).where(eq(servicemanExceptions.id, ex.id));
    await recordAudit(c, { action: 'crew.remove_exception', entityType: 'serviceman', entityId: row.id, tenantId: row.providerOrgId, data: { exceptionId: ex.id, date: ex.onDate, kind: ex.kind } });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'exception' }, row.providerOrgId);
    return { exceptionId: ex.id };
  });
}

/** A local 'YYYY-MM-DDTHH:MM' is read in the crew member's zone; an ISO instant is taken as is. */
function toInstant(value: string, timeZone: string, field: string): Date {
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!local) return new Date(value);
  const at = zonedTimeToInstant(local[1], local[2], timeZone);
  if (!at) throw validation({ [field]: [`does not exist in ${timeZone} (the clocks change at that time); choose another time`] });
  return at;
}

/** Time off as a range of instants (holiday, sick leave); blocks slots and dispatch. */
export async function addTimeOff(ctx: Ctx, raw: unknown): Promise<{ timeOffId: string }> {
  authorizeCrewWrite(ctx.actor, true);
  const input = parseInput(addTimeOffInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadServicemanForWrite(c, input.servicemanId, true);
    const startsAt = toInstant(input.startsAt, row.timeZone, 'startsAt');
    const endsAt = toInstant(input.endsAt, row.timeZone, 'endsAt');
    if (endsAt.getTime() <= startsAt.getTime()) throw validation({ endsAt: ['must be after the start'] });
    if (endsAt.getTime() - startsAt.getTime() > MAX_TIME_OFF_MS) throw validation({ endsAt: ['must be within a year of the start'] });
    const id = newId();
    await c.tx.insert(servicemanTimeOff).values({ id, servicemanId: row.id, startsAt, endsAt, reason: input.reason, createdAt: c.now });
    await recordAudit(c, {
      action: 'crew.add_time_off',
      entityType: 'serviceman',
      entityId: row.id,
      tenantId: row.providerOrgId,
      data: { timeOffId: id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'time_off' }, row.providerOrgId);
    return { timeOffId: id };
  });
}

export async function removeTimeOff(ctx: Ctx, raw: unknown): Promise<{ timeOffId: string }> {
  authorizeCrewWrite(ctx.actor, true);
  const input = parseInput(removeTimeOffInput, raw);
  return withTx(ctx, async (c) => {
    const [t] = await c.tx.select().from(servicemanTimeOff).where(eq(servicemanTimeOff.id, input.timeOffId));
    if (!t) throw notFound('That time off');
    const row = await loadServicemanForWrite(c, t.servicemanId, true);
    await c.tx.delete(servicemanTimeOff).where(eq(servicemanTimeOff.id, t.id));
    await recordAudit(c, { action: 'crew.remove_time_off', entityType: 'serviceman', entityId: row.id, tenantId: row.providerOrgId, data: { timeOffId: t.id } });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'time_off' }, row.providerOrgId);
    return { timeOffId: t.id };
  });
}
