/**
 * A booking row carrying a stored quote snapshot, written straight to the database for the money
 * tests (finance, billing, disputes), whose subject is what happens to a priced booking — the
 * orchestrator that creates real bookings has its own tests.
 */
import { db } from '@/db/client';
import { bookings } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import type { Quote } from '@/lib/finance/quote';

export interface QuotedBookingOpts {
  customerId: string;
  providerOrgId: string;
  zoneId: string;
  serviceId: string;
  startsAt?: Date;
  endsAt?: Date;
  id?: string;
}

/** Inserts a pending scheduled booking priced by `q`; returns its id and reference. */
export async function insertQuotedBooking(q: Quote, o: QuotedBookingOpts): Promise<{ id: string; reference: string }> {
  const id = o.id ?? newId();
  const reference = `FX-${id.slice(-8).toUpperCase()}`;
  const startsAt = o.startsAt ?? new Date('2026-03-05T09:00:00Z');
  await db()
    .insert(bookings)
    .values({
      id,
      reference,
      customerId: o.customerId,
      providerOrgId: o.providerOrgId,
      serviceId: o.serviceId,
      zoneId: o.zoneId,
      type: 'scheduled',
      status: 'pending',
      startsAt,
      endsAt: o.endsAt ?? new Date(startsAt.getTime() + 3_600_000),
      durationMinutes: 60,
      location: JSON.stringify({ type: 'Point', coordinates: [-0.1, 51.5] }),
      addressLine: '1 Test Street',
      timeZone: 'Europe/London',
      currency: q.currency,
      providerCurrency: q.providerCurrency,
      providerPriceMinor: q.providerPriceMinor,
      fxRate: q.fxRate,
      priceMinor: q.priceMinor,
      serviceFeeMinor: q.serviceFeeMinor,
      taxMinor: q.taxMinor,
      taxRateBp: q.taxRateBp,
      taxInclusive: q.taxInclusive,
      totalMinor: q.totalMinor,
      providerCommissionMinor: q.providerCommissionMinor,
    });
  return { id, reference };
}
