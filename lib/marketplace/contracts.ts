import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { browseInput, createListingInput, moderateListingInput, orderQuoteInput, refundOrderInput } from './schemas';

// Route contracts of the marketplace. Public reads go through the visibility predicate; seller and
// moderation writes are scoped by the verbs (a foreign id is 404).

const listingCard = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  priceMinor: z.number().int(),
  currency: z.string(),
  dailyRateMinor: z.number().int().nullable(),
  depositMinor: z.number().int().nullable(),
  available: z.number().int().nullable(),
  sellerName: z.string(),
  sellerSlug: z.string(),
  score: z.number(),
});
const listingDto = z.object({ id: z.string(), status: z.string(), version: z.number().int(), priceMinor: z.number().int(), currency: z.string() });
const orderDto = z
  .object({ id: z.string(), reference: z.string(), status: z.string(), quantity: z.number().int(), totalMinor: z.number().int(), currency: z.string() })
  ;

export const browseListingsContract = {
  method: 'GET',
  path: '/api/v1/marketplace/listings',
  summary: 'The public marketplace feed: visible listings, zone-aware (zone or near=lon,lat), filtered and ranked, 12 per page',
  tags: ['marketplace'],
  auth: 'public',
  query: browseInput,
  response: z.object({ zone: z.object({ id: z.string(), name: z.string() }).nullable(), zoneNotFound: z.boolean(), page: z.number().int(), hasMore: z.boolean(), items: z.array(listingCard) }),
} satisfies RouteContract;

export const listingPhotoContract = {
  method: 'GET',
  path: '/api/v1/marketplace/photos/[fileId]',
  summary: 'A listing photo: public for a visible listing, else only for the seller (404 otherwise)',
  tags: ['marketplace'],
  auth: 'public',
} satisfies RouteContract;

export const orderQuoteContract = {
  method: 'GET',
  path: '/api/v1/marketplace/order-quote',
  summary: 'Price preview of a purchase: goods, delivery fee, service fee, tax and total (minor units)',
  tags: ['marketplace'],
  auth: 'public',
  query: orderQuoteInput,
  response: z.object({
    currency: z.string(),
    subtotalMinor: z.number().int(),
    deliveryFeeMinor: z.number().int(),
    serviceFeeMinor: z.number().int(),
    taxMinor: z.number().int(),
    taxRateBp: z.number().int(),
    totalMinor: z.number().int(),
    available: z.number().int(),
  }),
} satisfies RouteContract;

export const createListingContract = {
  method: 'POST',
  path: '/api/v1/listings',
  summary: 'Draft a listing over one of the seller’s own services or inventory items',
  tags: ['marketplace'],
  auth: 'user',
  permission: 'listings.manage',
  body: createListingInput.extend({ priceMinor: z.number().int().min(0).optional() }),
  response: listingDto,
  idempotent: true,
} satisfies RouteContract;

export const uploadListingPhotoContract = {
  method: 'POST',
  path: '/api/v1/listings/photos',
  summary: 'Upload one listing photo (multipart field `file`; JPEG, PNG or WebP ≤ 10 MB, checked by content); returns its file id',
  tags: ['marketplace'],
  auth: 'user',
  permission: 'listings.manage',
  response: z.object({ fileId: z.string() }),
} satisfies RouteContract;

export const listingStepContract = {
  method: 'POST',
  path: '/api/v1/listings/[id]/[step]',
  summary: 'A seller step on its listing: step = submit | withdraw (409 on an illegal transition; 412 when compliance is not approved)',
  tags: ['marketplace'],
  auth: 'user',
  permission: 'listings.manage',
  response: listingDto,
} satisfies RouteContract;

export const moderateListingContract = {
  method: 'POST',
  path: '/api/v1/marketplace/moderation',
  summary: 'Operations decide on a listing: approve | reject (reason) | suspend (reason) | reinstate',
  tags: ['marketplace'],
  auth: 'user',
  permission: 'listings.moderate',
  body: moderateListingInput,
  response: listingDto,
} satisfies RouteContract;

export const createOrderContract = {
  method: 'POST',
  path: '/api/v1/orders',
  summary: 'Buy from a listing (pays at once; 409 when the quantity is not available). Send an Idempotency-Key.',
  tags: ['marketplace'],
  auth: 'user',
  permission: 'orders.create',
  body: z.object({ listingId: z.string(), quantity: z.number().int(), fulfilment: z.enum(['pickup', 'delivery']), deliveryAddress: z.string().optional(), paymentMethod: z.string() }),
  response: orderDto,
  idempotent: true,
} satisfies RouteContract;

export const orderStepContract = {
  method: 'POST',
  path: '/api/v1/orders/[id]/[step]',
  summary: 'A seller step on an order: step = fulfil | collect | refund (refund body: reason, restock); operations may refund any order',
  tags: ['marketplace'],
  auth: 'user',
  body: refundOrderInput.omit({ orderId: true }).partial(),
  response: orderDto,
} satisfies RouteContract;

export const marketplaceContracts: RouteContract[] = [
  browseListingsContract,
  listingPhotoContract,
  orderQuoteContract,
  createListingContract,
  uploadListingPhotoContract,
  listingStepContract,
  moderateListingContract,
  createOrderContract,
  orderStepContract,
];
