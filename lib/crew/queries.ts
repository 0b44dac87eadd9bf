/** Crew reads for the provider panel: the admin sees the whole crew, a serviceman only himself. */
import { and, asc, desc, eq, gte, inArray, or } from 'drizzle-orm';
import { servicemanExceptions, servicemanHours, servicemanTimeOff, servicemen, users } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { forbidden, notFound } from '@/lib/core/errors';
import { addDays, localDate } from '@/lib/core/zoned-time';
import { canAdminister, isSelf } from './access';

export interface ServicemanView {
  id: string;
  providerOrgId: string;
  displayName: string;
  skills: string[];
  timeZone: string;
  canLead: boolean;
  status: 'invited' | 'active' | 'inactive';
  linkedEmail: string | null;
  isSelf: boolean;
}

export interface ServicemanDetail extends ServicemanView {
  hours: Array<{ weekday: number; startsAt: string; endsAt: string }>;
  exceptions: Array<{ id: string; date: string; kind: 'unavailable' | 'extra_hours'; startsAt: string | null; endsAt: string | null; reason: string }>;
  timeOff: Array<{ id: string; startsAt: string; endsAt: string; reason: string }>;
  /** What the viewer may change: admins everything, the serviceman his own working time. */
  canEditProfile: boolean;
}

const hhmm = (t: string | null) => (t === null ? null : t.slice(0, 5));

const columns = {
  id: servicemen.id,
  providerOrgId: servicemen.providerOrgId,
  userId: servicemen.userId,
  displayName: servicemen.displayName,
  skills: servicemen.skills,
  timeZone: servicemen.timeZone,
  canLead: servicemen.canLead,
  status: servicemen.status,
  linkedEmail: users.email,
};

/** The crew the caller may see: a provider admin's whole crew, or a serviceman's own row(s). */
export async function listServicemen(ctx: Ctx): Promise<ServicemanView[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !(can(actor, 'crew.manage') || can(actor, 'crew.manage_self'))) throw forbidden();
  const adminOrgs = can(actor, 'crew.manage') ? actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgId).map((m) => m.orgId as string) : [];
  const scope = [];
  if (adminOrgs.length) scope.push(inArray(servicemen.providerOrgId, adminOrgs));
  if (can(actor, 'crew.manage_self')) scope.push(eq(servicemen.userId, actor.userId));
  if (!scope.length) return [];
  const rows = await exec(ctx)
    .select(columns)
    .from(servicemen)
    .leftJoin(users, eq(users.id, servicemen.userId))
    .where(or(...scope))
    .orderBy(asc(servicemen.displayName), asc(servicemen.id));
  return rows.map((r) => toView(ctx, r));
}

/** The signed-in serviceman's own crew rows (one per provider he works for): crew.manage_self only. */
export async function listMyServicemen(ctx: Ctx): Promise<ServicemanView[]> {
  authorize(ctx.actor, 'crew.manage_self');
  if (ctx.actor.kind !== 'user') return [];
  const rows = await exec(ctx)
    .select(columns)
    .from(servicemen)
    .leftJoin(users, eq(users.id, servicemen.userId))
    .where(eq(servicemen.userId, ctx.actor.userId))
    .orderBy(asc(servicemen.displayName), asc(servicemen.id));
  return rows.map((r) => toView(ctx, r));
}

function toView(ctx: Ctx, r: { id: string; providerOrgId: string; userId: string | null; displayName: string; skills: string[]; timeZone: string; canLead: boolean; status: ServicemanView['status']; linkedEmail: string | null }): ServicemanView {
  return {
    id: r.id,
    providerOrgId: r.providerOrgId,
    displayName: r.displayName,
    skills: r.skills,
    timeZone: r.timeZone,
    canLead: r.canLead,
    status: r.status,
    linkedEmail: r.linkedEmail,
    isSelf: isSelf(ctx.actor, r),
  };
}

/** One crew member with working hours, exceptions from `from` (his zone) and upcoming time off. */
export async function getServiceman(ctx: Ctx, servicemanId: string): Promise<ServicemanDetail> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !(can(actor, 'crew.manage') || can(actor, 'crew.manage_self'))) throw forbidden();
  if (!/^[0-9a-f-]{36}$/i.test(servicemanId)) throw notFound('That crew member');
  const x = exec(ctx);
  const [row] = await x.select(columns).from(servicemen).leftJoin(users, eq(users.id, servicemen.userId)).where(eq(servicemen.id, servicemanId));
  if (!row) throw notFound('That crew member');
  const admin = canAdminister(actor, row);
  if (!admin && !isSelf(actor, row)) throw notFound('That crew member');
  const fromDate = addDays(localDate(ctx.now, row.timeZone), -1);
  const [hours, exceptions, timeOff] = await Promise.all([
    x.select().from(servicemanHours).where(eq(servicemanHours.servicemanId, row.id)).orderBy(asc(servicemanHours.weekday), asc(servicemanHours.startsAt)),
    x
      .select()
      .from(servicemanExceptions)
      .where(and(eq(servicemanExceptions.servicemanId, row.id), gte(servicemanExceptions.onDate, fromDate)))
      .orderBy(asc(servicemanExceptions.onDate), asc(servicemanExceptions.startsAt))
      .limit(200),
    x
      .select()
      .from(servicemanTimeOff)
      .where(and(eq(servicemanTimeOff.servicemanId, row.id), gte(servicemanTimeOff.endsAt, ctx.now)))
      .orderBy(asc(servicemanTimeOff.startsAt), desc(servicemanTimeOff.endsAt))
      .limit(200),
  ]);
  return {
    ...toView(ctx, row),
    hours: hours.map((h) => ({ weekday: h.weekday, startsAt: hhmm(h.startsAt)!, endsAt: hhmm(h.endsAt)! })),
    exceptions: exceptions.map((e) => ({ id: e.id, date: e.onDate, kind: e.kind, startsAt: hhmm(e.startsAt), endsAt: hhmm(e.endsAt), reason: e.reason })),
    timeOff: timeOff.map((t) => ({ id: t.id, startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString(), reason: t.reason })),
    canEditProfile: admin,
  };
}
