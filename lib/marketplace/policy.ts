/**
 * Pure marketplace rules (DOMAIN.md "Compliance and marketplace"): the listing state machine,
 * which inventory modes fit which listing kind, the order lifecycle, the delivery-fee rule and the
 * feed's ranking weights. Client-safe: no database access.
 */
export const listingKinds = ['service_package', 'tool_rental', 'tool_sale', 'material'] as const;
export type ListingKind = (typeof listingKinds)[number];
export const listingStatuses = ['draft', 'pending_review', 'approved', 'rejected', 'suspended'] as const;
export type ListingStatus = (typeof listingStatuses)[number];

export const MAX_LISTING_PHOTOS = 6;

export const kindLabels: Record<ListingKind, string> = {
  service_package: 'Service package',
  tool_rental: 'Tool for rent',
  tool_sale: 'Tool for sale',
  material: 'Material',
};

export const statusLabels: Record<ListingStatus, string> = {
  draft: 'Draft',
  pending_review: 'Pending review',
  approved: 'Live',
  rejected: 'Rejected',
  suspended: 'Suspended',
};

/** Inventory modes an item may have to back a listing of this kind. */
export const modesFor: Record<Exclude<ListingKind, 'service_package'>, readonly ('rental' | 'purchase' | 'hybrid')[]> = {
  tool_rental: ['rental', 'hybrid'],
  tool_sale: ['purchase', 'hybrid'],
  material: ['purchase', 'hybrid'],
};

export type ListingAction = 'submit' | 'withdraw' | 'approve' | 'reject' | 'suspend' | 'reinstate' | 'edit_approved';

/** from-states allowed per action, and the state it leads to. */
export const listingTransitions: Record<ListingAction, { from: readonly ListingStatus[]; to: ListingStatus }> = {
  submit: { from: ['draft', 'rejected'], to: 'pending_review' },
  withdraw: { from: ['pending_review', 'approved', 'rejected'], to: 'draft' },
  approve: { from: ['pending_review'], to: 'approved' },
  reject: { from: ['pending_review'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  // A reinstated listing goes back to review rather than straight live: operations re-check it.
  reinstate: { from: ['suspended'], to: 'pending_review' },
  edit_approved: { from: ['approved'], to: 'pending_review' },
};

/** Which states the seller may edit in (a suspended listing is frozen until reinstated). */
export const editableStatuses: readonly ListingStatus[] = ['draft', 'rejected', 'pending_review', 'approved'];

export function canTransition(action: ListingAction, from: ListingStatus): boolean {
  return listingTransitions[action].from.includes(from);
}

// --- orders ---------------------------------------------------------------------------------------

export const orderStatuses = ['paid', 'fulfilled', 'collected', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export type OrderAction = 'fulfil' | 'collect' | 'refund';

export const orderTransitions: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  // Delivery orders are fulfilled (delivered); pickup orders are collected. Each only from paid.
  fulfil: { from: ['paid'], to: 'fulfilled' },
  collect: { from: ['paid'], to: 'collected' },
  refund: { from: ['paid', 'fulfilled', 'collected'], to: 'refunded' },
};

export const orderStatusLabels: Record<OrderStatus, string> = { paid: 'Paid', fulfilled: 'Delivered', collected: 'Collected', refunded: 'Refunded' };

export const MAX_ORDER_QUANTITY = 999;

/**
 * Delivery fee rule (DOMAIN.md is silent): a flat fee per order in the listing's currency —
 * 5.00 in a 2-decimal currency (scaled by the exponent), free when the goods subtotal reaches
 * 100.00. Pickup is always free.
 */
export function deliveryFeeMinor(fulfilment: 'pickup' | 'delivery', subtotalMinor: bigint, exponent: number): bigint {
  if (fulfilment === 'pickup') return 0n;
  const unit = 10n ** BigInt(exponent);
  const flat = 5n * unit;
  const freeFrom = 100n * unit;
  return subtotalMinor >= freeFrom ? 0n : flat;
}

/** Platform service fee on marketplace purchases: the seeded default rate (2.5 %). */
export const ORDER_SERVICE_FEE_BP = 250;

// --- feed ranking ---------------------------------------------------------------------------------

/**
 * Ranking score (0–100), documented in docs/marketplace.md:
 *   rating   50 × (seller rating / 5); an unrated seller counts as 3.0 (no penalty, no boost)
 *   zone     30 when the searched zone is the seller's primary coverage (priority 1), 15 for any
 *            other covering priority, 0 when browsing without a location
 *   recency  20 × max(0, 1 − days since approval / 60)
 * Ties: newer approval first, then id.
 */
export const RANK_WEIGHTS = { rating: 50, zonePrimary: 30, zoneOther: 15, recency: 20, recencyDays: 60, unratedX100: 300 } as const;

export const PAGE_SIZE = 12;
