'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { CalendarX2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { formatMinor } from '@/components/explorer/format';
import { AssignDialog, type CrewOption } from './assign-dialog.client';
import { dateInZone, formatInZone, statusLabel, statusTone } from './format';

export interface DeskBooking {
  id: string;
  reference: string;
  status: string;
  type: 'on_demand' | 'scheduled';
  serviceTitle: string;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string;
  addressLine: string;
  currency: string;
  totalMinor: number;
  crew: { servicemanId: string; name: string; role: string }[];
  confirmationDueAt: string | null;
  createdAt: string;
}

const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

function BookingButton({ b, timeZone, onOpen }: { b: DeskBooking; timeZone: string; onOpen: (b: DeskBooking) => void }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(b)}
      className="grid w-full gap-0.5 rounded-md border border-border bg-surface p-2 text-start text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      <span className="font-medium">{b.startsAt ? formatInZone(b.startsAt, timeZone, { withDate: false }).replace(/ \(.+\)$/, '') : 'On demand'}</span>
      <span className="truncate">{b.serviceTitle}</span>
      <span className="font-mono text-xs">{b.reference}</span>
      <Badge tone={statusTone[b.status] ?? 'neutral'} className="justify-self-start">
        {statusLabel(b.status)}
      </Badge>
      <span className="truncate text-xs text-muted">{b.crew.length ? b.crew.map((c) => c.name).join(', ') : 'No crew'}</span>
    </button>
  );
}

type Timeline = { fromStatus: string | null; toStatus: string; at: string; actorType: string; note: string }[];

function DetailDrawer({ booking, onClose, picker }: { booking: DeskBooking | null; onClose: () => void; picker: CrewOption[] }) {
  const [state, setState] = useState<{ id: string; timeline?: Timeline; error?: boolean } | null>(null);
  useEffect(() => {
    if (!booking) return;
    let alive = true;
    fetch(`/api/v1/bookings/${booking.id}`, { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { timeline: Timeline }) => alive && setState({ id: booking.id, timeline: body.timeline }))
      .catch(() => alive && setState({ id: booking.id, error: true }));
    return () => {
      alive = false;
    };
  }, [booking]);
  const current = state && booking && state.id === booking.id ? state : null;
  return (
    <Sheet open={!!booking} onOpenChange={(o) => (o ? null : onClose())}>
      <SheetContent side="right" className="w-full overflow-y-auto sm:max-w-md">
        {booking ? (
          <div className="grid gap-4">
            <SheetHeader>
              <SheetTitle>
                {booking.serviceTitle} · <span className="font-mono">{booking.reference}</span>
              </SheetTitle>
              <SheetDescription>{formatInZone(booking.startsAt, booking.timeZone)}</SheetDescription>
            </SheetHeader>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted">Status</dt>
              <dd>{statusLabel(booking.status)}</dd>
              <dt className="text-muted">Address</dt>
              <dd>{booking.addressLine}</dd>
              <dt className="text-muted">Total</dt>
              <dd>{formatMinor(booking.totalMinor, booking.currency)}</dd>
              <dt className="text-muted">Crew</dt>
              <dd>{booking.crew.length ? booking.crew.map((c) => `${c.name} (${c.role})`).join(', ') : 'None yet'}</dd>
            </dl>
            {['in_progress', 'completed', 'disputed'].includes(booking.status) ? (
              <a href={booking.status === 'disputed' ? '/provider/disputes' : `/provider/disputes/new?booking=${booking.id}`} className="text-sm text-link underline underline-offset-4">
                {booking.status === 'disputed' ? 'View the dispute' : 'Open a dispute'}
              </a>
            ) : null}
            {['scheduled', 'awaiting_assignment'].includes(booking.status) && booking.startsAt ? (
              <AssignDialog bookingId={booking.id} reference={booking.reference} crew={picker} current={booking.crew} />
            ) : null}
            <section aria-labelledby="timeline-h" className="grid gap-2">
              <h3 id="timeline-h" className="font-semibold">
                Timeline
              </h3>
              <div aria-live="polite" aria-busy={!current}>
                {!current ? (
                  <p className="text-sm text-muted">Loading the timeline…</p>
                ) : current.error ? (
                  <ErrorState title="The timeline could not be loaded" message="Close the panel and open it again." headingLevel="h4" className="py-4" />
                ) : (
                  <ol className="grid gap-2 border-s border-border ps-4">
                    {current.timeline!.map((t, i) => (
                      <li key={i} className="text-sm">
                        <p className="font-medium">{statusLabel(t.toStatus)}</p>
                        <p className="text-muted">
                          {formatInZone(t.at, booking.timeZone)} · by {t.actorType}
                          {t.note ? ` · ${t.note}` : ''}
                        </p>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </section>
          </div>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}

export function BookingsWeek(props: {
  items: DeskBooking[];
  monday: string;
  timeZone: string;
  status: string;
  serviceman: string;
  statuses: string[];
  crew: { id: string; name: string }[];
  prevWeek: string;
  nextWeek: string;
  thisWeek: string;
  days: string[];
  picker: CrewOption[];
}) {
  const { items, timeZone, days } = props;
  const [open, setOpen] = useState<DeskBooking | null>(null);
  const byDay = new Map<string, DeskBooking[]>(days.map((d) => [d, []]));
  for (const b of items) byDay.get(dateInZone(b.startsAt ?? b.createdAt, timeZone))?.push(b);
  const qs = (week: string) => {
    const p = new URLSearchParams({ week });
    if (props.status) p.set('status', props.status);
    if (props.serviceman) p.set('serviceman', props.serviceman);
    return `/provider/bookings?${p}`;
  };
  const columns: DataTableColumn<DeskBooking>[] = [
    { key: 'reference', header: 'Reference', rowHeader: true, sortable: true, cell: (b) => <span className="font-mono">{b.reference}</span> },
    { key: 'startsAt', header: `Starts (${timeZone})`, sortable: true, sortValue: (b) => b.startsAt ?? b.createdAt, cell: (b) => formatInZone(b.startsAt, timeZone), csv: (b) => b.startsAt ?? '' },
    { key: 'serviceTitle', header: 'Service', sortable: true },
    { key: 'status', header: 'Status', sortable: true, cell: (b) => statusLabel(b.status) },
    { key: 'crew', header: 'Crew', cell: (b) => b.crew.map((c) => c.name).join(', ') || '—', csv: (b) => b.crew.map((c) => `${c.name} (${c.role})`).join('; ') },
    { key: 'totalMinor', header: 'Total', align: 'end', sortable: true, sortValue: (b) => b.totalMinor, cell: (b) => formatMinor(b.totalMinor, b.currency), csv: (b) => `${b.totalMinor} ${b.currency} (minor units)` },
    { key: 'addressLine', header: 'Address' },
  ];
  return (
    <section aria-labelledby="week-h" className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="week-h" className="me-auto text-lg font-semibold">
          Week of {dayLabel(props.monday)} <span className="text-sm font-normal text-muted">({timeZone})</span>
        </h2>
        <Link href={qs(props.prevWeek)} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Previous week
        </Link>
        <Link href={qs(props.thisWeek)} className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
          This week
        </Link>
        <Link href={qs(props.nextWeek)} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Next week
        </Link>
      </div>
      <form method="get" action="/provider/bookings" className="flex flex-wrap items-end gap-3" aria-label="Filter bookings">
        <input type="hidden" name="week" value={props.monday} />
        <label className="grid gap-1 text-sm font-medium">
          Status
          <select name="status" defaultValue={props.status} className="h-10 rounded-md border border-border bg-surface px-2 text-base">
            <option value="">Any status</option>
            {props.statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Crew member
          <select name="serviceman" defaultValue={props.serviceman} className="h-10 rounded-md border border-border bg-surface px-2 text-base">
            <option value="">Everyone</option>
            {props.crew.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'md' })}>
          Apply filters
        </button>
        <p className="text-sm text-muted" aria-live="polite">
          {items.length} {items.length === 1 ? 'booking' : 'bookings'} this week
        </p>
      </form>
      {/* Laptop: day columns. Phones: a list grouped by day. */}
      <div className="hidden grid-cols-7 gap-2 lg:grid" role="list" aria-label="Week by day">
        {days.map((d) => (
          <div key={d} role="listitem" className="grid content-start gap-2 rounded-lg bg-surface-muted p-2">
            <h3 className="text-sm font-semibold">{dayLabel(d)}</h3>
            {(byDay.get(d) ?? []).map((b) => (
              <BookingButton key={b.id} b={b} timeZone={timeZone} onOpen={setOpen} />
            ))}
          </div>
        ))}
      </div>
      <div className="grid gap-4 lg:hidden">
        {days
          .filter((d) => (byDay.get(d) ?? []).length)
          .map((d) => (
            <div key={d} className="grid gap-2">
              <h3 className="text-sm font-semibold">{dayLabel(d)}</h3>
              {(byDay.get(d) ?? []).map((b) => (
                <BookingButton key={b.id} b={b} timeZone={timeZone} onOpen={setOpen} />
              ))}
            </div>
          ))}
      </div>
      <DataTable
        caption={`Bookings week of ${props.monday}`}
        columns={columns}
        rows={items}
        getRowId={(b) => b.id}
        csvFilename={`bookings-${props.monday}.csv`}
        empty={<EmptyState icon={<CalendarX2 />} title="No bookings this week" description="Try another week or clear the filters." headingLevel="h3" />}
      />
      <DetailDrawer booking={open} onClose={() => setOpen(null)} picker={props.picker} />
    </section>
  );
}
