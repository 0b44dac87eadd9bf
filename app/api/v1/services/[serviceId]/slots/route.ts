// GET /api/v1/services/{serviceId}/slots — bookable slots per date for an active service (public).
import { exec } from '@/lib/core/context';
import { defineRoute } from '@/lib/core/route';
import { serviceSlotsContract } from '@/lib/availability/contracts';
import { availableSlots } from '@/lib/availability/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(serviceSlotsContract, async ({ ctx, query, params }) => {
  const result = await availableSlots(exec(ctx), { serviceId: params.serviceId, from: query.from, days: query.days, timeZone: query.timeZone, at: ctx.now });
  return {
    serviceId: params.serviceId,
    timeZone: result.timeZone,
    days: result.days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })) })),
  };
});
