import { z } from 'zod';
import type { Tx } from '@/db/client';
import { domainEvents } from '@/db/schema';
import { actorRef, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';

/**
 * The one typed catalogue of domain events. Each entry names its domain, its payload schema and
 * governance tags: whether the payload holds personal data and which retention class applies.
 * Later domains (zones, bookings, rentals, disputes, ads, comms, compliance) add their events here.
 */
export const eventCatalogue = {
  'identity.user_signed_up': {
    domain: 'identity',
    pii: false,
    retention: 'standard',
    payload: z.object({ userId: z.string(), kind: z.enum(['customer', 'provider']), providerId: z.string().optional() }),
  },
  'identity.email_verified': { domain: 'identity', pii: false, retention: 'standard', payload: z.object({ userId: z.string() }) },
  'identity.password_changed': {
    domain: 'identity',
    pii: false,
    retention: 'security',
    payload: z.object({ userId: z.string(), via: z.enum(['reset', 'settings']) }),
  },
  'identity.sessions_revoked': {
    domain: 'identity',
    pii: false,
    retention: 'security',
    payload: z.object({ userId: z.string(), reason: z.enum(['sign_out_everywhere', 'password_change', 'disabled']) }),
  },
  'rbac.role_granted': {
    domain: 'rbac',
    pii: false,
    retention: 'security',
    payload: z.object({ userId: z.string(), role: z.string(), orgId: z.string().nullable(), expiresAt: z.string().nullable() }),
  },
  'rbac.role_revoked': { domain: 'rbac', pii: false, retention: 'security', payload: z.object({ userId: z.string(), role: z.string(), orgId: z.string().nullable() }) },
  'toggles.changed': {
    domain: 'platform',
    pii: false,
    retention: 'standard',
    payload: z.object({ key: z.string(), enabled: z.boolean(), rolloutPercent: z.number().int() }),
  },
  'geo.zone_created': {
    domain: 'geo',
    pii: false,
    retention: 'standard',
    payload: z.object({ zoneId: z.string(), ownerOrgId: z.string(), ownerKind: z.enum(['platform', 'provider']), via: z.enum(['form', 'draw', 'import']) }),
  },
  'geo.zone_updated': { domain: 'geo', pii: false, retention: 'standard', payload: z.object({ zoneId: z.string(), version: z.number().int(), fields: z.array(z.string()) }) },
  'geo.zone_archived': { domain: 'geo', pii: false, retention: 'standard', payload: z.object({ zoneId: z.string() }) },
  'geo.zones_imported': { domain: 'geo', pii: false, retention: 'standard', payload: z.object({ ownerOrgId: z.string(), count: z.number().int(), zoneIds: z.array(z.string()) }) },
  'geo.coverage_changed': {
    domain: 'geo',
    pii: false,
    retention: 'standard',
    payload: z.object({ providerOrgId: z.string(), zoneIds: z.array(z.string()), added: z.number().int(), removed: z.number().int() }),
  },
  'geo.snapshot_completed': { domain: 'geo', pii: false, retention: 'standard', payload: z.object({ runId: z.string(), zonesRecomputed: z.number().int(), trigger: z.enum(['schedule', 'manual']) }) },
  // availability helper
  'catalog.service_changed': {
    domain: 'catalog',
    pii: false,
    retention: 'standard',
    payload: z.object({ serviceId: z.string(), providerOrgId: z.string(), change: z.enum(['created', 'updated', 'status']), status: z.enum(['draft', 'active', 'paused', 'archived']) }),
  },
  // inventory (lib/inventory): item lifecycle, every console stock move, alert decisions.
  'inventory.item_changed': {
    domain: 'inventory',
    pii: false,
    retention: 'standard',
    payload: z.object({ itemId: z.string(), providerOrgId: z.string(), change: z.enum(['created', 'updated', 'archived', 'unit_added', 'unit_status']) }),
  },
  'inventory.stock_moved': {
    domain: 'inventory',
    pii: false,
    retention: 'standard',
    payload: z.object({ itemId: z.string(), moveId: z.string(), kind: z.string(), onHandDelta: z.number().int(), onHandAfter: z.number().int() }),
  },
  'inventory.alert_changed': {
    domain: 'inventory',
    pii: false,
    retention: 'standard',
    payload: z.object({ alertId: z.string(), itemId: z.string(), kind: z.string(), status: z.enum(['acknowledged', 'resolved']) }),
  },
  // rentals (lib/rentals): every status change of a rental (fromStatus null at request).
  'rental.status_changed': {
    domain: 'rentals',
    pii: false,
    retention: 'standard',
    payload: z.object({ rentalId: z.string(), providerOrgId: z.string(), fromStatus: z.string().nullable(), toStatus: z.string() }),
  },
  'rental.returned': {
    domain: 'rentals',
    pii: false,
    retention: 'standard',
    payload: z.object({ rentalId: z.string(), quantity: z.number().int(), lateDays: z.number().int() }),
  },
  'crew.availability_changed': {
    domain: 'crew',
    pii: false,
    retention: 'standard',
    payload: z.object({ servicemanId: z.string(), providerOrgId: z.string(), change: z.enum(['created', 'updated', 'status', 'hours', 'exception', 'time_off']) }),
  },
  // bookings helper — zone analytics (lib/geo/snapshot/metric-sources.ts) counts fromStatus/toStatus,
  // acceptedAfterMinutes and slaBreached on EVERY booking.* event, so only status_changed carries
  // the status keys and only sla_breached carries slaBreached.
  'booking.created': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({
      bookingId: z.string(),
      zoneId: z.string(),
      serviceId: z.string(),
      providerOrgId: z.string(),
      type: z.enum(['on_demand', 'scheduled']),
      currency: z.string(),
      totalMinor: z.number().int(),
      seriesId: z.string().nullable(),
    }),
  },
  'booking.status_changed': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({
      bookingId: z.string(),
      zoneId: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      acceptedAfterMinutes: z.number().optional(),
    }),
  },
  'booking.sla_breached': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({ bookingId: z.string(), zoneId: z.string(), kind: z.enum(['acceptance_sla', 'arrival_sla', 'completion_sla']), slaBreached: z.literal(true) }),
  },
  'booking.crew_assigned': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({ bookingId: z.string(), zoneId: z.string(), servicemanIds: z.array(z.string()), via: z.enum(['auto', 'offer', 'manual', 'operations']) }),
  },
  'booking.offer_sent': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({ bookingId: z.string(), zoneId: z.string(), offerId: z.string(), servicemanId: z.string() }),
  },
  'booking.dispatch_exhausted': { domain: 'bookings', pii: false, retention: 'standard', payload: z.object({ bookingId: z.string(), zoneId: z.string(), offersMade: z.number().int() }) },
  'booking.rescheduled': {
    domain: 'bookings',
    pii: false,
    retention: 'standard',
    payload: z.object({ bookingId: z.string(), zoneId: z.string(), previousStartsAt: z.string(), startsAt: z.string() }),
  },
  'booking.cancelled': {
    domain: 'bookings',
    pii: false,
    retention: 'financial',
    payload: z.object({ bookingId: z.string(), zoneId: z.string(), by: z.enum(['customer', 'provider', 'operations', 'system']), feeMinor: z.number().int(), reason: z.string() }),
  },
  'booking.no_show': { domain: 'bookings', pii: false, retention: 'standard', payload: z.object({ bookingId: z.string(), zoneId: z.string(), party: z.enum(['customer', 'crew']) }) },
  'booking.crew_on_the_way': { domain: 'bookings', pii: false, retention: 'standard', payload: z.object({ bookingId: z.string(), zoneId: z.string(), servicemanId: z.string() }) },
  'booking.reminder_sent': { domain: 'bookings', pii: false, retention: 'standard', payload: z.object({ bookingId: z.string(), zoneId: z.string() }) },
  // finance helper: a payment changed status outside a booking step (bank confirmation, gateway
  // webhook) — the booking side reacts to 'authorized' by moving a pending booking on.
  'payments.status_changed': {
    domain: 'finance',
    pii: false,
    retention: 'financial',
    payload: z.object({ paymentId: z.string(), bookingId: z.string(), status: z.enum(['requires_action', 'authorized', 'captured', 'voided', 'refunded', 'partially_refunded', 'failed']), via: z.enum(['test_confirm', 'webhook']) }),
  },
  // ledger: reviews of completed bookings (rating feeds provider ranking) and their moderation
  'review.created': { domain: 'reviews', pii: false, retention: 'standard', payload: z.object({ reviewId: z.string(), bookingId: z.string(), providerOrgId: z.string(), rating: z.number().int().min(1).max(5) }) },
  'review.moderated': { domain: 'reviews', pii: false, retention: 'standard', payload: z.object({ reviewId: z.string(), providerOrgId: z.string(), status: z.enum(['published', 'hidden']) }) },
  // payouts: a provider's payable balance sent to its bank (created → paid or failed)
  'payout.created': {
    domain: 'finance',
    pii: false,
    retention: 'financial',
    payload: z.object({ payoutId: z.string(), providerOrgId: z.string(), currency: z.string(), amountMinor: z.number().int(), periodKey: z.string(), via: z.enum(['request', 'schedule']) }),
  },
  'payout.paid': { domain: 'finance', pii: false, retention: 'financial', payload: z.object({ payoutId: z.string(), providerOrgId: z.string(), currency: z.string(), amountMinor: z.number().int() }) },
  'payout.failed': {
    domain: 'finance',
    pii: false,
    retention: 'financial',
    payload: z.object({ payoutId: z.string(), providerOrgId: z.string(), currency: z.string(), amountMinor: z.number().int(), reason: z.string() }),
  },
  // compliance (lib/compliance): document submissions and decisions, expiry and its warnings, suspensions.
  'compliance.document_submitted': {
    domain: 'compliance',
    pii: false,
    retention: 'standard',
    payload: z.object({ documentId: z.string(), subjectKind: z.enum(['provider', 'serviceman', 'renter']), subjectId: z.string(), docType: z.string() }),
  },
  'compliance.document_reviewed': {
    domain: 'compliance',
    pii: false,
    retention: 'standard',
    payload: z.object({ documentId: z.string(), subjectKind: z.enum(['provider', 'serviceman', 'renter']), docType: z.string(), decision: z.enum(['approved', 'rejected']) }),
  },
  'compliance.document_expired': { domain: 'compliance', pii: false, retention: 'standard', payload: z.object({ documentId: z.string(), subjectKind: z.enum(['provider', 'serviceman', 'renter']), docType: z.string() }) },
  'compliance.expiry_warned': {
    domain: 'compliance',
    pii: false,
    retention: 'standard',
    payload: z.object({ documentId: z.string(), subjectKind: z.enum(['provider', 'serviceman', 'renter']), docType: z.string(), daysAhead: z.number().int() }),
  },
  'compliance.provider_suspended': { domain: 'compliance', pii: false, retention: 'standard', payload: z.object({ orgId: z.string() }) },
  'compliance.provider_reinstated': { domain: 'compliance', pii: false, retention: 'standard', payload: z.object({ orgId: z.string() }) },
  // custom jobs: posted, edited (which fields), cancelled (bids declined), deadline extended, closed at the deadline
  'job.posted': {
    domain: 'custom_jobs',
    pii: false,
    retention: 'standard',
    payload: z.object({ jobId: z.string(), zoneId: z.string().nullable(), categoryId: z.string(), currency: z.string(), budgetMinMinor: z.number().int(), budgetMaxMinor: z.number().int(), photos: z.number().int(), invited: z.number().int(), inviteOnly: z.boolean() }),
  },
  'job.edited': { domain: 'custom_jobs', pii: false, retention: 'standard', payload: z.object({ jobId: z.string(), version: z.number().int(), fields: z.array(z.string()) }) },
  'job.cancelled': { domain: 'custom_jobs', pii: false, retention: 'standard', payload: z.object({ jobId: z.string(), bidsDeclined: z.number().int() }) },
  'job.deadline_extended': { domain: 'custom_jobs', pii: false, retention: 'standard', payload: z.object({ jobId: z.string(), bidDeadline: z.string() }) },
  'job.closed': { domain: 'custom_jobs', pii: false, retention: 'standard', payload: z.object({ jobId: z.string(), bids: z.number().int() }) },
  // bids: placed (or placed again after a withdrawal), revised, withdrawn; awarded / declined at the award
  'bid.placed': { domain: 'bids', pii: false, retention: 'standard', payload: z.object({ bidId: z.string(), jobId: z.string(), providerOrgId: z.string(), amountMinor: z.number().int(), currency: z.string(), revision: z.number().int() }) },
  'bid.revised': { domain: 'bids', pii: false, retention: 'standard', payload: z.object({ bidId: z.string(), jobId: z.string(), providerOrgId: z.string(), amountMinor: z.number().int(), currency: z.string(), revision: z.number().int() }) },
  'bid.withdrawn': { domain: 'bids', pii: false, retention: 'standard', payload: z.object({ bidId: z.string(), jobId: z.string(), providerOrgId: z.string() }) },
  'bid.awarded': {
    domain: 'bids',
    pii: false,
    retention: 'financial',
    payload: z.object({ bidId: z.string(), jobId: z.string(), providerOrgId: z.string(), bookingId: z.string(), amountMinor: z.number().int(), currency: z.string() }),
  },
  'bid.declined': { domain: 'bids', pii: false, retention: 'standard', payload: z.object({ bidId: z.string(), jobId: z.string(), providerOrgId: z.string(), via: z.enum(['award', 'job_cancelled']) }) },
  // disputes: every status step of a dispute (money moves are the ledger's own records)
  'dispute.opened': {
    domain: 'disputes',
    pii: false,
    retention: 'financial',
    payload: z.object({ disputeId: z.string(), bookingId: z.string().nullable(), subjectKind: z.enum(['booking', 'job', 'rental']), reasonCode: z.string(), party: z.enum(['customer', 'provider']) }),
  },
  'dispute.status_changed': {
    domain: 'disputes',
    pii: false,
    retention: 'financial',
    payload: z.object({ disputeId: z.string(), fromStatus: z.string(), toStatus: z.string(), outcome: z.string().optional(), refundMinor: z.number().int().optional() }),
  },
  // marketplace: every listing step (create/edit/submit/withdraw/approve/reject/suspend/reinstate) and order step
  'listing.status_changed': {
    domain: 'marketplace',
    pii: false,
    retention: 'standard',
    payload: z.object({ listingId: z.string(), providerOrgId: z.string(), kind: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string() }),
  },
  'order.created': {
    domain: 'marketplace',
    pii: false,
    retention: 'financial',
    payload: z.object({ orderId: z.string(), listingId: z.string(), providerOrgId: z.string(), quantity: z.number().int(), totalMinor: z.number().int(), currency: z.string(), fulfilment: z.enum(['pickup', 'delivery']) }),
  },
  'order.status_changed': {
    domain: 'marketplace',
    pii: false,
    retention: 'financial',
    payload: z.object({ orderId: z.string(), providerOrgId: z.string(), fromStatus: z.string(), toStatus: z.string(), restocked: z.boolean().optional() }),
  },
} as const satisfies Record<string, { domain: string; pii: boolean; retention: 'standard' | 'security' | 'financial'; payload: z.ZodType }>;

export type EventName = keyof typeof eventCatalogue;
export type EventPayload<N extends EventName> = z.input<(typeof eventCatalogue)[N]['payload']>;

/** Records an event in the caller's transaction; the payload is validated against the catalogue. */
export async function emitEvent<N extends EventName>(ctx: Ctx & { tx: Tx }, name: N, payload: EventPayload<N>, tenantId?: string | null): Promise<void> {
  const def = eventCatalogue[name];
  const parsed = def.payload.parse(payload);
  const actor = ctx.actor;
  await ctx.tx.insert(domainEvents).values({
    id: newId(),
    name,
    domain: def.domain,
    actorType: actor.kind,
    actorId: actorRef(actor),
    tenantId: tenantId ?? null,
    occurredAt: ctx.now,
    payload: parsed,
  });
}
