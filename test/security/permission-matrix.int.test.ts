/**
 * S1: the authorization matrix, generated from the permission table. For every permission that a
 * domain verb enforces, every role calls the REAL verb: it must be refused (FORBIDDEN) exactly when
 * the table says so. A verb that forgot its authorize() call, or checks the wrong permission,
 * fails here even though the table itself is unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { permissions, type Permission } from '@/lib/core/auth/permissions';
import { roles, type Role } from '@/lib/core/auth/roles';
import type { Ctx } from '@/lib/core/context';
import { listAudit } from '@/lib/audit/queries';
import { grantRole, revokeRole } from '@/lib/identity/grant-role';
import { disableUser } from '@/lib/identity/disable-user';
import { listOrganisations, listUsersWithRoles, listOrgMembers } from '@/lib/identity/queries';
import { listToggles, setToggle } from '@/lib/toggles';
import { platformStats } from '@/lib/core/platform-stats';
import { listMailbox } from '@/lib/notifications/mailbox';
import { createZone } from '@/lib/geo/create-zone';
import { importZones } from '@/lib/geo/import-zones';
import { listZones } from '@/lib/geo/queries';
import { setCoverage } from '@/lib/geo/set-coverage';
import { requestSnapshot } from '@/lib/geo/request-snapshot';
import { toggleFavourite } from '@/lib/geo/toggle-favourite';
import { createBooking } from '@/lib/bookings/create-booking';
import { cancelBooking } from '@/lib/bookings/cancel-booking';
import { rescheduleBooking } from '@/lib/bookings/reschedule-booking';
import { markNoShow, markOnTheWay } from '@/lib/bookings/work';
import { reassignCrew } from '@/lib/bookings/reassign-crew';
import { listMyBookings, listMyOffers, listProviderBookings } from '@/lib/bookings/queries';
import { postJob } from '@/lib/custom-jobs/post-job';
import { jobFeed, listAllJobs } from '@/lib/custom-jobs/queries';
import { ledgerOverview } from '@/lib/finance/queries';
import { confirmTestPayment } from '@/lib/payments/confirm-test-payment';
import { createService } from '@/lib/catalog/create-service';
import { createServiceman } from '@/lib/crew/create-serviceman';
import { listMyServicemen } from '@/lib/crew/queries';
import { providerStatement } from '@/lib/finance/provider-statement';
import { savePayoutAccount } from '@/lib/finance/payout-account';
import { requestPayout } from '@/lib/finance/payout-request';
import { createReview } from '@/lib/reviews/create-review';
import { replyToReview } from '@/lib/reviews/reply-review';
import { reportReview } from '@/lib/reviews/report-review';
import { moderateReview } from '@/lib/reviews/moderate-review';
import { findInvoices, listInvoices } from '@/lib/billing/queries';
import { saveBillingProfile } from '@/lib/billing/save-billing-profile';
import { openDispute } from '@/lib/disputes/open-dispute';
import { respondToDispute } from '@/lib/disputes/respond-to-dispute';
import { startReview } from '@/lib/disputes/start-review';
import { placeBid } from '@/lib/bids/place-bid';
import { awardBid } from '@/lib/bids/award-bid';
import { postBidMessage } from '@/lib/bids/post-bid-message';
import { createItem } from '@/lib/inventory/create-item';
import { requestRental } from '@/lib/rentals/request-rental';
import { approveRental } from '@/lib/rentals/approve-rental';
import { listRentals } from '@/lib/rentals/queries';
import { submitDocument } from '@/lib/compliance/submit-document';
import { approveDocument } from '@/lib/compliance/approve-document';
import { suspendProvider } from '@/lib/compliance/suspend-provider';
import { createListing } from '@/lib/marketplace/create-listing';
import { moderateListing } from '@/lib/marketplace/moderate-listing';
import { createOrder } from '@/lib/marketplace/create-order';
import { collectOrder } from '@/lib/marketplace/advance-order';
import { ctxFor, makeOrg, makeUser } from '@/test/factories';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const probeZone = { demandLevel: 'medium', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB' } as const;

/** A call of the real verb for each enforced permission; it may fail for reasons other than access. */
const probes: Partial<Record<Permission, (ctx: Ctx) => Promise<unknown>>> = {
  'rbac.read': (ctx) => listUsersWithRoles(ctx.actor),
  'rbac.grant': (ctx) => grantRole(ctx, { email: 'nobody-matrix@example.test', role: 'customer' }),
  'rbac.revoke': (ctx) => revokeRole(ctx, { membershipId: '00000000-0000-4000-8000-000000000000' }),
  'users.disable': (ctx) => disableUser(ctx, { userId: '00000000-0000-4000-8000-000000000000', reason: 'matrix test' }),
  'audit.read': (ctx) => listAudit(ctx.actor),
  'toggles.read': (ctx) => listToggles(ctx.actor),
  'toggles.update': (ctx) => setToggle(ctx, { key: 'matrix.probe', description: '', enabled: 'on', rolloutPercent: 10 }),
  'panel.admin': (ctx) => platformStats(ctx.actor),
  // Geo: the probes carry a geometry that fails validation, so an allowed call stops before saving.
  'zones.read_all': (ctx) => listZones(ctx, { scope: 'all' }),
  'zones.manage_platform': (ctx) => importZones(ctx, { scope: 'platform', geojson: { type: 'FeatureCollection', features: [] }, defaults: probeZone }),
  'zones.manage_own': (ctx) => createZone(ctx, { ...probeZone, scope: 'own', name: 'Matrix probe', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] } }),
  'coverage.manage': (ctx) => setCoverage(ctx, { zoneId: '00000000-0000-4000-8000-000000000000', entries: [] }),
  'zones.snapshot': (ctx) => requestSnapshot(ctx),
  'favourites.manage': (ctx) => toggleFavourite(ctx, { providerOrgId: '00000000-0000-4000-8000-000000000000', favourite: true }),
  // Bookings: dummy ids (NOT_FOUND once past the access check) or invalid input (VALIDATION).
  'bookings.create': (ctx) => createBooking(ctx, { serviceId: 'not-a-service', type: 'scheduled' }),
  'bookings.read_own': (ctx) => listMyBookings(ctx),
  'bookings.cancel': (ctx) => cancelBooking(ctx, { bookingId: NO_ID }),
  'bookings.reschedule': (ctx) => rescheduleBooking(ctx, { bookingId: NO_ID, startsAt: '2030-01-01T10:00:00Z' }),
  'bookings.manage': (ctx) => listProviderBookings(ctx, { from: '2030-01-01T00:00:00Z', to: '2030-01-08T00:00:00Z' }),
  'bookings.respond_offer': (ctx) => listMyOffers(ctx),
  'bookings.report_no_show': (ctx) => markNoShow(ctx, { bookingId: NO_ID, party: 'customer' }),
  'bookings.reassign_any': (ctx) => reassignCrew(ctx, { bookingId: NO_ID, leadId: NO_ID, supportIds: [], reason: 'matrix probe' }),
  'bookings.work': (ctx) => markOnTheWay(ctx, { bookingId: NO_ID }),
  'finance.read': (ctx) => ledgerOverview(ctx),
  'services.manage': (ctx) => createService(ctx, { title: 'x' }),
  'crew.manage': (ctx) => createServiceman(ctx, { displayName: '' }),
  'crew.manage_self': (ctx) => listMyServicemen(ctx),
  'payouts.read': (ctx) => providerStatement(ctx, { from: new Date('2030-01-02'), to: new Date('2030-01-01') }),
  // payouts: an invalid form (VALIDATION once allowed); a payout for an unknown provider (NOT_FOUND).
  'payouts.manage_own': (ctx) => savePayoutAccount(ctx, { accountHolder: '' }),
  'payouts.manage_any': (ctx) => requestPayout(ctx, { providerOrgId: NO_ID }),
  'reviews.create': (ctx) => createReview(ctx, { bookingId: 'x', rating: 1 }),
  'reviews.reply': (ctx) => replyToReview(ctx, { reviewId: 'x', reply: '' }),
  'reviews.report': (ctx) => reportReview(ctx, { reviewId: 'x', reason: '' }),
  'reviews.moderate': (ctx) => moderateReview(ctx, { reviewId: 'x', decision: 'x' }),
  'payments.confirm': (ctx) => confirmTestPayment(ctx, { ref: 'test_pi_matrix_probe' }),
  // Billing: an allowed call stops at validation (no details given).
  'billing.manage_own': (ctx) => saveBillingProfile(ctx, { owner: 'self' }),
  'invoices.read_own': (ctx) => listInvoices(ctx, { customer: true }),
  'invoices.read_all': (ctx) => findInvoices(ctx, ['FX-1999-000000']),
  // Disputes: an allowed call stops at NotFound for the dummy booking / dispute.
  'disputes.open': (ctx) => openDispute(ctx, { subjectKind: 'booking', subjectId: NO_ID, reasonCode: 'quality', reason: 'matrix probe reason long enough' }),
  'disputes.participate': (ctx) => respondToDispute(ctx, { disputeId: NO_ID, response: 'matrix probe response' }),
  'disputes.manage': (ctx) => startReview(ctx, { disputeIds: [NO_ID] }),
  // Bids: an allowed call stops at NotFound for the dummy job / bid.
  'bids.manage': (ctx) => placeBid(ctx, { jobId: NO_ID, amountMinor: 1000, etaDays: 1 }),
  'bids.award': (ctx) => awardBid(ctx, { jobId: NO_ID, bidId: NO_ID, startsAt: '2030-01-01T10:00:00Z', paymentMethod: 'pm_card_visa' }),
  'bids.message': (ctx) => postBidMessage(ctx, { bidId: NO_ID, body: 'matrix probe' }),
  // Custom jobs: an allowed post stops at validation; the feed and the operations list read.
  'jobs.post': (ctx) => postJob(ctx, {}),
  'jobs.feed': (ctx) => jobFeed(ctx),
  'jobs.read_all': (ctx) => listAllJobs(ctx),
  // Inventory, rentals, compliance, marketplace: an allowed call stops at validation or NotFound.
  'inventory.manage': (ctx) => createItem(ctx, {}),
  'rentals.request': (ctx) => requestRental(ctx, {}),
  'rentals.manage': (ctx) => approveRental(ctx, { rentalId: NO_ID }),
  'rentals.read_all': (ctx) => listRentals(ctx, 'operations'),
  'compliance.submit': (ctx) => submitDocument(ctx, {}),
  'compliance.review': (ctx) => approveDocument(ctx, { documentId: NO_ID }),
  'compliance.suspend': (ctx) => suspendProvider(ctx, { orgId: NO_ID, reason: 'matrix probe reason' }),
  'listings.manage': (ctx) => createListing(ctx, {}),
  'listings.moderate': (ctx) => moderateListing(ctx, {}),
  'orders.create': (ctx) => createOrder(ctx, {}),
  'orders.manage': (ctx) => collectOrder(ctx, { orderId: NO_ID }),
};

const outcome = async (fn: () => Promise<unknown>): Promise<'allowed' | 'forbidden'> => {
  try {
    await fn();
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError && (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED')) return 'forbidden';
    return 'allowed'; // past the access check (e.g. NotFound for the probe's dummy id)
  }
};

const ctxByRole = new Map<Role, Ctx>();

beforeAll(async () => {
  for (const role of roles) {
    const u = await makeUser([role]);
    ctxByRole.set(role, await ctxFor(u.id));
  }
});

describe('permission table × real verbs', () => {
  for (const [permission, probe] of Object.entries(probes) as [Permission, (ctx: Ctx) => Promise<unknown>][]) {
    for (const role of roles) {
      const expected = (permissions[permission] as readonly Role[]).includes(role) ? 'allowed' : 'forbidden';
      it(`${role} × ${permission} → ${expected}`, async () => {
        expect(await outcome(() => probe(ctxByRole.get(role)!))).toBe(expected);
      });
    }
  }

  it('anonymous callers are refused by every probe', async () => {
    const anon: Ctx = { actor: { kind: 'anonymous', roles: [] }, requestId: 'anon', now: new Date() };
    for (const probe of Object.values(probes)) expect(await outcome(() => probe!(anon))).toBe('forbidden');
  });

  it('the rbac list of organisations is admin-only like the rest of rbac.read', async () => {
    expect(await outcome(() => listOrganisations(ctxByRole.get('operations')!.actor))).toBe('forbidden');
    expect(await outcome(() => listOrganisations(ctxByRole.get('admin')!.actor))).toBe('allowed');
  });
});

describe('tenant scope', () => {
  it("a provider admin cannot list another provider's members (NotFound, not Forbidden)", async () => {
    const mine = await makeUser(['provider_admin']);
    const other = await makeOrg('provider');
    const ctx = await ctxFor(mine.id);
    const err = await listOrgMembers(ctx.actor, other.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_FOUND');
    const own = await listOrgMembers(ctx.actor, mine.orgs.provider!);
    expect(own.map((m) => m.userId)).toContain(mine.id);
  });

  it('the local mailbox is closed to non-staff where it is not public', async () => {
    // DEV_MAILBOX_PUBLIC is unset under test; NODE_ENV=test counts as non-production (public).
    expect(await outcome(() => listMailbox(ctxByRole.get('customer')!.actor))).toBe('allowed');
  });
});
