import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarDays } from 'lucide-react';
import { formatInZone, formatMinor, statusBadgeTone, statusLabel } from '@/components/booking/format';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { listMyBookings } from '@/lib/bookings/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'My bookings' };

const UPCOMING = new Set(['pending', 'awaiting_assignment', 'scheduled', 'in_progress']);

async function BookingsContent({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const { tab: rawTab } = await searchParams;
  const tab = rawTab === 'past' ? 'past' : 'upcoming';
  const ctx = await requestCtx();
  const { items } = await listMyBookings(ctx, { limit: 100 });
  const shown = items
    .filter((b) => (tab === 'upcoming' ? UPCOMING.has(b.status) : !UPCOMING.has(b.status)))
    .sort((a, b) => {
      const ta = new Date(a.startsAt ?? a.createdAt).getTime();
      const tb = new Date(b.startsAt ?? b.createdAt).getTime();
      return tab === 'upcoming' ? ta - tb : tb - ta;
    });
  return (
    <>
      <PageHeader
        title="My bookings"
        description="Times are shown in the zone of each job’s location."
        actions={
          <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
            Book a service
          </Link>
        }
      />
      <nav aria-label="Booking lists" className="mb-4 flex gap-1 border-b">
        {(['upcoming', 'past'] as const).map((t) => (
          <Link
            key={t}
            href={t === 'upcoming' ? '/account/bookings' : '/account/bookings?tab=past'}
            aria-current={tab === t ? 'page' : undefined}
            className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium ${tab === t ? 'border-primary text-fg' : 'border-transparent text-muted hover:text-fg'}`}
          >
            {t === 'upcoming' ? 'Upcoming' : 'Past'}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <EmptyState
          icon={<CalendarDays />}
          title={tab === 'upcoming' ? 'No upcoming bookings' : 'No past bookings'}
          description={tab === 'upcoming' ? 'Find a provider in the explorer and book a service.' : 'Completed and cancelled bookings appear here.'}
          action={
            tab === 'upcoming' ? (
              <Link href="/" className={buttonClasses()}>
                Explore providers
              </Link>
            ) : undefined
          }
        />
      ) : (
        <ul className="grid gap-3" aria-label={tab === 'upcoming' ? 'Upcoming bookings' : 'Past bookings'}>
          {shown.map((b) => (
            <li key={b.id} className="grid gap-2 rounded-lg border bg-surface p-4" data-testid="booking-item">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="grid min-w-0 gap-0.5">
                  <Link href={`/account/bookings/${b.id}`} className="font-semibold text-link underline-offset-4 hover:underline">
                    {b.serviceTitle}
                  </Link>
                  <p className="text-sm text-muted">
                    {b.providerName} · {b.reference}
                  </p>
                </div>
                <Badge tone={statusBadgeTone(b.status)}>{statusLabel(b.status)}</Badge>
              </div>
              <p className="text-sm">{b.startsAt ? formatInZone(b.startsAt, b.timeZone) : 'As soon as possible'}</p>
              <p className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="min-w-0 break-words text-muted">{b.addressLine}</span>
                <span className="font-medium tabular-nums">{formatMinor(b.totalMinor, b.currency)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('bookings.read_own', BookingsContent, 'Loading your bookings…');
