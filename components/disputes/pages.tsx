/**
 * The dispute pages' server parts, shared by the customer, provider and operations panels: each
 * panel passes its viewer side and its base path; scope and visibility come from lib/disputes.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { getBooking } from '@/lib/bookings/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { openRefusal } from '@/lib/disputes/policy';
import { bookingCompletedAt, disputeForBooking, getDispute, listDisputes } from '@/lib/disputes/queries';
import { toDetailWire, toListItemWire } from '@/lib/disputes/wire';
import { DisputeList } from './dispute-list';
import { DisputeView, type Viewer } from './dispute-view.client';
import { OpenDisputeForm } from './open-dispute-form.client';

const back = (href: string, label: string) => (
  <Link href={href} className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
    <ArrowLeft aria-hidden="true" className="size-4" />
    {label}
  </Link>
);

export async function PartyDisputeList({ viewer, base }: { viewer: 'customer' | 'provider'; base: string }) {
  const ctx = await requestCtx();
  const items = (await listDisputes(ctx, viewer)).map(toListItemWire);
  return (
    <>
      <PageHeader
        title="Disputes"
        description={
          viewer === 'customer'
            ? 'Problems with a booking that Fixnado operations are looking into. Open a dispute from the booking page while the work is in progress or within 7 days of completion.'
            : 'Disputes on your bookings. Respond before the deadline and add your evidence; operations decide.'
        }
      />
      <DisputeList items={items} base={base} emptyText={viewer === 'customer' ? 'You have not opened any disputes.' : 'No disputes on your bookings.'} />
    </>
  );
}

export async function DisputeDetail({ id, viewer, base, listLabel }: { id: string; viewer: Viewer; base: string; listLabel: string }) {
  const ctx = await requestCtx();
  let detail;
  try {
    detail = await getDispute(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  if (!detail.parties.includes(viewer)) notFound();
  const d = toDetailWire(detail);
  return (
    <>
      <PageHeader eyebrow={back(base, listLabel)} title={`Dispute ${d.reference}`} description={`${d.subjectKind === 'rental' ? 'Rental' : 'Booking'} ${d.bookingReference ?? '—'} · ${d.providerName}`} />
      <DisputeView d={d} viewer={viewer} me={ctx.actor.kind === 'user' ? ctx.actor.userId : ''} now={ctx.now.getTime()} />
    </>
  );
}

export async function NewDispute({ bookingId, base, bookingHref }: { bookingId: string | undefined; base: string; bookingHref: string }) {
  const ctx = await requestCtx();
  if (!bookingId) notFound();
  let booking;
  try {
    booking = await getBooking(ctx, bookingId);
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) notFound();
    throw err;
  }
  const existing = await disputeForBooking(ctx, bookingId);
  const refusal = openRefusal({ status: booking.status, completedAt: await bookingCompletedAt(ctx, booking.id) }, ctx.now);
  return (
    <>
      <PageHeader eyebrow={back(`${bookingHref}`, 'Back to the booking')} title="Open a dispute" description={`${booking.serviceTitle} · booking ${booking.reference}`} />
      {existing && ['awaiting_response', 'under_review', 'appealed'].includes(existing.status) ? (
        <EmptyState
          title="This booking already has an open dispute"
          action={
            <Link className="text-link underline underline-offset-4" href={`${base}/${existing.id}`}>
              View the dispute
            </Link>
          }
        />
      ) : refusal ? (
        <EmptyState title="This booking cannot be disputed" description={refusal} />
      ) : (
        <OpenDisputeForm bookingId={booking.id} base={base} />
      )}
    </>
  );
}
