import 'server-only';

/** The marketplace domain's public server API. */
export { visibleListingSql } from './visibility';
export { createListing } from './create-listing';
export { updateListing } from './update-listing';
export { submitListing } from './submit-listing';
export { withdrawListing } from './withdraw-listing';
export { moderateListing } from './moderate-listing';
export { createOrder } from './create-order';
export { fulfilOrder, collectOrder } from './advance-order';
export { refundOrder } from './refund-order';
export { priceOrder, type OrderPrice } from './order-pricing';
export * from './queries';
export * from './order-queries';
