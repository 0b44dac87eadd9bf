// GET /api/v1/services/{serviceId}/alternatives — the next free slots after a taken one (public).
import { exec } from '@/lib/core/context';
import { defineRoute } from '@/lib/core/route';
import { serviceAlternativesContract } from '@/lib/availability/contracts';
import { alternativeSlots, loadServiceForSlots } from '@/lib/availability/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(serviceAlternativesContract, async ({ ctx, query, params }) => {
  const slots = await alternativeSlots(exec(ctx), { serviceId: params.serviceId, near: new Date(query.near), at: ctx.now, limit: query.limit, timeZone: query.timeZone });
  const timeZone = query.timeZone ?? (await loadServiceForSlots(exec(ctx), params.serviceId))?.providerTimeZone ?? 'Europe/London';
  return { serviceId: params.serviceId, timeZone, slots: slots.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })) };
});
