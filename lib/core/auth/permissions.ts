import { AppError } from '../errors';
import type { Role } from './roles';

/**
 * The permission table: `domain.verb → roles`. Data, not code paths, so the matrix test can
 * generate every role × verb case from it. `admin` is listed explicitly wherever it applies
 * (no implicit superuser), so reading a row tells the whole truth.
 * Tenant scope (which provider, which organisation) is checked by each verb on the resource.
 */
export const permissions = {
  // Panels: who may open which shell.
  'panel.account': ['customer'],
  'panel.provider': ['provider_admin', 'serviceman'],
  'panel.enterprise': ['enterprise_admin', 'enterprise_member'],
  'panel.admin': ['operations', 'finance', 'marketing', 'admin'],

  // Identity
  'account.read_self': ['customer', 'provider_admin', 'serviceman', 'enterprise_admin', 'enterprise_member', 'marketing', 'operations', 'finance', 'admin'],
  'account.update_self': ['customer', 'provider_admin', 'serviceman', 'enterprise_admin', 'enterprise_member', 'marketing', 'operations', 'finance', 'admin'],
  'users.list': ['operations', 'admin'],
  'users.disable': ['admin'],
  'rbac.read': ['admin'],
  'rbac.grant': ['admin'],
  'rbac.revoke': ['admin'],
  'org.members_read': ['provider_admin', 'enterprise_admin', 'admin'],

  // Platform
  'toggles.read': ['admin', 'operations'],
  'toggles.update': ['admin'],
  'audit.read': ['admin'],
  'audit.verify': ['admin'],
  'mailbox.read': ['admin', 'operations'],
  'jobs.trigger': ['admin', 'operations'],

  // Geo: platform zones belong to operations; a provider admin manages its own coverage areas
  // and which zones it serves (tenant scope checked by each verb).
  'zones.read_all': ['operations', 'admin'],
  'zones.manage_platform': ['operations', 'admin'],
  'zones.manage_own': ['provider_admin'],
  'coverage.manage': ['provider_admin'],
  'zones.snapshot': ['operations', 'admin'],
  'favourites.manage': ['customer'],
  // availability helper: provider services, crew and their working time (tenant scope per verb)
  'services.manage': ['provider_admin'],
  'crew.manage': ['provider_admin'],
  'crew.manage_self': ['serviceman'],

  // bookings helper
  'bookings.create': ['customer'],
  'bookings.read_own': ['customer', 'provider_admin', 'serviceman'],
  'bookings.read_all': ['operations', 'admin'],
  'bookings.cancel': ['customer', 'provider_admin', 'operations', 'admin'],
  'bookings.reschedule': ['customer'],
  'bookings.manage': ['provider_admin'],
  'bookings.work': ['serviceman'],
  'bookings.respond_offer': ['serviceman'],
  'bookings.report_no_show': ['customer', 'provider_admin', 'serviceman', 'operations', 'admin'],
  // operations move any booking's crew (within the booking's provider) when an SLA is at risk
  'bookings.reassign_any': ['operations', 'admin'],
  // finance helper: the platform finance view (ledger balances, reconciliation) and completing a
  // test-gateway payment that needs an extra step (the payment's own customer only).
  'finance.read': ['finance', 'admin'],
  'payments.confirm': ['customer', 'enterprise_admin', 'enterprise_member'],
  // ledger: provider payouts statement; reviews (create by the booking's customer, one reply by the
  // provider admin, report by any signed-in party, moderation by operations)
  'payouts.read': ['provider_admin'],
  // payouts: a provider admin keeps its own payout details and asks for its payable balance;
  // finance pays out any provider and runs the schedule by hand (tenant scope per verb)
  'payouts.manage_own': ['provider_admin'],
  'payouts.manage_any': ['finance', 'admin'],
  'reviews.create': ['customer'],
  'reviews.reply': ['provider_admin'],
  'reviews.report': ['customer', 'provider_admin', 'serviceman', 'enterprise_admin', 'enterprise_member'],
  'reviews.moderate': ['operations', 'admin'],
  // billing: business details printed on invoices (a customer's own, an enterprise's as buyer, a
  // provider's as supplier; tenant checked by the verb), the invoices of one's own bookings or
  // organisation, and finance reading any invoice.
  'billing.manage_own': ['customer', 'provider_admin', 'enterprise_admin'],
  'invoices.read_own': ['customer', 'provider_admin', 'enterprise_admin'],
  'invoices.read_all': ['finance', 'admin'],
  // disputes: the booking's customer or the provider's admin open, respond, add evidence, withdraw
  // and appeal (party checked by each verb); operations review and resolve any dispute.
  'disputes.open': ['customer', 'provider_admin'],
  'disputes.participate': ['customer', 'provider_admin'],
  'disputes.manage': ['operations', 'admin'],
  // custom jobs: a customer (or enterprise staff) posts and manages its own jobs; a provider admin
  // reads the feed of jobs its business is eligible for; operations read every job.
  'jobs.post': ['customer', 'enterprise_admin', 'enterprise_member'],
  'jobs.feed': ['provider_admin'],
  'jobs.read_all': ['operations', 'admin'],
  // bids: a provider admin places / revises / withdraws its business's bid (eligibility per job);
  // the job's customer awards one; the Q&A thread is the customer's and the bidder's (scope per verb)
  'bids.manage': ['provider_admin'],
  'bids.award': ['customer'],
  'bids.message': ['customer', 'provider_admin'],
  // inventory: a provider admin keeps its own stock (tenant per verb); operations read any.
  'inventory.manage': ['provider_admin'],
  'inventory.read_all': ['operations', 'admin'],
  // rentals: a customer requests from a listing and manages its own rentals; the provider admin
  // runs the rental desk (approve, checkout, returns, inspection); operations see every rental.
  'rentals.request': ['customer'],
  'rentals.manage': ['provider_admin'],
  'rentals.read_all': ['operations', 'admin'],
  // compliance: a provider admin submits its business's and crew's documents, a customer its own
  // renter documents, a serviceman its own; operations review, suspend and reinstate.
  'compliance.submit': ['provider_admin', 'serviceman', 'customer'],
  'compliance.review': ['operations', 'admin'],
  'compliance.suspend': ['operations', 'admin'],
  // marketplace: a provider admin drafts and submits its listings; operations moderate; a customer
  // buys from a listing; the seller fulfils and refunds its orders.
  'listings.manage': ['provider_admin'],
  'listings.moderate': ['operations', 'admin'],
  'orders.create': ['customer'],
  'orders.manage': ['provider_admin'],
  'orders.read_all': ['operations', 'admin'],
  // operations refund any order (a seller that does not answer, goods never delivered)
  'orders.refund_any': ['operations', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const allPermissions = Object.keys(permissions) as Permission[];

/** The smallest thing `can` needs: the roles an actor holds right now (expired ones excluded). */
export interface RoleHolder {
  roles: readonly Role[];
}

export function can(actor: RoleHolder | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed = permissions[permission] as readonly Role[];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Throws FORBIDDEN (or UNAUTHENTICATED when there is no actor) — every write verb calls this. */
export function authorize(actor: RoleHolder | null | undefined, permission: Permission): void {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  if (!can(actor, permission)) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do that.', { permission });
  }
}
