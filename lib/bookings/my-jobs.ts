/**
 * The serviceman's desk: his open dispatch offers with what the job is (he is not assigned yet,
 * so getBooking would not show it), and the jobs he is actively assigned to that are still open
 * or finished in the last day. Own rows only (servicemen.user_id = caller).
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';

export interface JobView {
  bookingId: string;
  reference: string;
  status: string;
  type: 'on_demand' | 'scheduled';
  serviceTitle: string;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string;
  addressLine: string;
  notes: string;
  role: 'lead' | 'support' | null;
  currency: string;
  providerPriceMinor: number;
}

export interface OfferView extends JobView {
  offerId: string;
  offeredAt: string;
  expiresAt: string;
}

type Raw = {
  booking_id: string;
  reference: string;
  status: string;
  type: 'on_demand' | 'scheduled';
  service_title: string;
  starts_at: string | Date | null;
  ends_at: string | Date | null;
  time_zone: string;
  address_line: string;
  notes: string;
  role: 'lead' | 'support' | null;
  provider_currency: string;
  provider_price_minor: string | number | bigint;
  offer_id?: string;
  offered_at?: string | Date;
  expires_at?: string | Date;
};

const iso = (d: string | Date | null | undefined) => (d === null || d === undefined ? null : new Date(d).toISOString());

function job(r: Raw): JobView {
  return {
    bookingId: r.booking_id,
    reference: r.reference,
    status: r.status,
    type: r.type,
    serviceTitle: r.service_title,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    timeZone: r.time_zone,
    addressLine: r.address_line,
    notes: r.notes,
    role: r.role,
    currency: r.provider_currency.trim(),
    providerPriceMinor: toWire(toMinor(BigInt(r.provider_price_minor))),
  };
}

export async function myJobs(ctx: Ctx): Promise<{ offers: OfferView[]; jobs: JobView[] }> {
  if (!can(ctx.actor, 'bookings.respond_offer')) authorize(ctx.actor, 'bookings.work');
  if (ctx.actor.kind !== 'user') return { offers: [], jobs: [] };
  const ex = exec(ctx);
  const me = sql`${ctx.actor.userId}::uuid`;
  const nowIso = ctx.now.toISOString();
  const offers = can(ctx.actor, 'bookings.respond_offer')
    ? rowsOf<Raw>(
        await ex.execute(sql`
          select b.id::text as booking_id, b.reference, b.status::text as status, b.type::text as type, s.title as service_title,
                 b.starts_at, b.ends_at, b.time_zone, b.address_line, b.notes, null as role, b.provider_currency, b.provider_price_minor,
                 o.id::text as offer_id, o.offered_at, o.expires_at
            from dispatch_offers o
            join servicemen m on m.id = o.serviceman_id
            join bookings b on b.id = o.booking_id
            join services s on s.id = b.service_id
           where m.user_id = ${me} and o.status = 'open' and o.expires_at > ${nowIso}::timestamptz
           order by o.expires_at, o.id
           limit 100`),
      )
    : [];
  const jobs = rowsOf<Raw>(
    await ex.execute(sql`
      select b.id::text as booking_id, b.reference, b.status::text as status, b.type::text as type, s.title as service_title,
             b.starts_at, b.ends_at, b.time_zone, b.address_line, b.notes, a.role::text as role, b.provider_currency, b.provider_price_minor
        from booking_assignments a
        join servicemen m on m.id = a.serviceman_id
        join bookings b on b.id = a.booking_id
        join services s on s.id = b.service_id
       where m.user_id = ${me}
         and (
           (a.active and b.status in ('pending', 'awaiting_assignment', 'scheduled', 'in_progress'))
           or (b.status = 'completed' and exists (select 1 from booking_status_changes h where h.booking_id = b.id and h.to_status = 'completed' and h.at > ${nowIso}::timestamptz - interval '1 day'))
         )
       order by coalesce(b.starts_at, b.created_at), b.id
       limit 200`),
  );
  const seen = new Set<string>();
  return {
    offers: offers.map((r) => ({ ...job(r), offerId: r.offer_id!, offeredAt: iso(r.offered_at)!, expiresAt: iso(r.expires_at)! })),
    jobs: jobs.map(job).filter((j) => (seen.has(j.bookingId) ? false : (seen.add(j.bookingId), true))),
  };
}
