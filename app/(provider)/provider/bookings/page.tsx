import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { AssignmentBoard } from '@/components/desk/assignment-board.client';
import { BookingsWeek, type DeskBooking } from '@/components/desk/bookings-week.client';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { listProviderBookings } from '@/lib/bookings/queries';
import type { BookingWire } from '@/lib/bookings/schemas';
import { addDays, boundaryInstant, isoWeekday, isValidDate, localDate } from '@/lib/core/zoned-time';
import { listServicemen } from '@/lib/crew/queries';

export const metadata: Metadata = { title: 'Bookings' };

const STATUSES = ['pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'completed', 'cancelled', 'disputed'];

const toDesk = (b: BookingWire): DeskBooking => ({
  id: b.id,
  reference: b.reference,
  status: b.status,
  type: b.type,
  serviceTitle: b.serviceTitle,
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  timeZone: b.timeZone,
  addressLine: b.addressLine,
  currency: b.currency,
  totalMinor: b.totalMinor,
  crew: b.crew,
  confirmationDueAt: b.confirmationDueAt,
  createdAt: b.createdAt,
});

async function BookingsContent({ searchParams }: { searchParams: Promise<{ week?: string; status?: string; serviceman?: string }> }) {
  const sp = await searchParams;
  const ctx = await requestCtx();
  const crew = await listServicemen(ctx);
  // The week is laid out in the crew's zone (the most common one), named on the page.
  const zoneCounts = new Map<string, number>();
  for (const c of crew) zoneCounts.set(c.timeZone, (zoneCounts.get(c.timeZone) ?? 0) + 1);
  const timeZone = [...zoneCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Europe/London';
  const today = localDate(ctx.now, timeZone);
  const requested = sp.week && isValidDate(sp.week) ? sp.week : today;
  const monday = addDays(requested, 1 - isoWeekday(requested));
  const from = boundaryInstant(monday, '00:00', timeZone);
  const to = boundaryInstant(addDays(monday, 7), '00:00', timeZone);
  const status = STATUSES.includes(sp.status ?? '') ? sp.status! : '';
  const serviceman = crew.some((c) => c.id === sp.serviceman) ? sp.serviceman! : '';

  const [week, upcoming] = await Promise.all([
    listProviderBookings(ctx, { from: from.toISOString(), to: to.toISOString() }),
    listProviderBookings(ctx, { from: new Date(ctx.now.getTime() - 24 * 3_600_000).toISOString(), to: new Date(ctx.now.getTime() + 60 * 24 * 3_600_000).toISOString() }),
  ]);
  const items = week.items.filter((b) => (!status || b.status === status) && (!serviceman || b.crew.some((m) => m.servicemanId === serviceman))).map(toDesk);
  const needsCrew = upcoming.items.filter((b) => b.status === 'awaiting_assignment' || ((b.status === 'scheduled' || b.status === 'pending') && b.crew.length === 0 && !b.confirmationDueAt)).map(toDesk);
  const requests = upcoming.items.filter((b) => b.status === 'pending' && b.confirmationDueAt).map(toDesk);
  const picker = crew.filter((c) => c.status === 'active').map((c) => ({ id: c.id, name: c.displayName, canLead: c.canLead, skills: c.skills }));

  return (
    <>
      <PageHeader title="Bookings" description={`Your crew's week, requests to confirm and jobs that need a crew. Times in ${timeZone}.`} />
      <div className="grid gap-10">
        <AssignmentBoard needsCrew={needsCrew} requests={requests} crew={picker} nowIso={ctx.now.toISOString()} />
        <BookingsWeek
          items={items}
          monday={monday}
          timeZone={timeZone}
          status={status}
          serviceman={serviceman}
          statuses={STATUSES}
          crew={crew.map((c) => ({ id: c.id, name: c.displayName }))}
          prevWeek={addDays(monday, -7)}
          nextWeek={addDays(monday, 7)}
          thisWeek={today}
          days={Array.from({ length: 7 }, (_, i) => addDays(monday, i))}
          picker={picker}
        />
      </div>
    </>
  );
}

export default guardedPage('bookings.manage', BookingsContent, 'Loading bookings…');
