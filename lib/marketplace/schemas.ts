/** Zod inputs of the marketplace verbs — client-safe, never imports the database. */
import { z } from 'zod';
import { uuidSchema } from '@/lib/core/ids';
import { listingKinds, MAX_LISTING_PHOTOS, MAX_ORDER_QUANTITY } from './policy';

const text = (min: number, max: number) => z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const minor = z
  .union([z.bigint(), z.number().int(), z.string().trim().regex(/^\d+$/, 'must be a whole number of minor units')])
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER), 'must be zero or more');
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), uuidSchema.optional());

const listingFields = {
  kind: z.enum(listingKinds),
  title: text(3, 120),
  description: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
  categoryId: optionalId,
  itemId: optionalId,
  serviceId: optionalId,
  /** Sale / package price in minor units; ignored for a rental (priced by the item's daily rate). */
  priceMinor: minor.optional(),
  photoFileIds: z.array(uuidSchema).max(MAX_LISTING_PHOTOS, `at most ${MAX_LISTING_PHOTOS} photos`).optional(),
};

export const createListingInput = z.object(listingFields);
export type CreateListingInput = z.input<typeof createListingInput>;
export const updateListingInput = z.object({ listingId: uuidSchema, expectedVersion: z.coerce.number().int().positive().optional(), ...listingFields });

export const listingIdInput = z.object({ listingId: uuidSchema });
export const moderateListingInput = z
  .object({
    listingId: uuidSchema,
    decision: z.enum(['approve', 'reject', 'suspend', 'reinstate']),
    reason: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === 'reject' || v.decision === 'suspend') && v.reason.length < 5) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required to ${v.decision} (at least 5 characters)` });
    }
  });

export const browseInput = z.object({
  zone: optionalId,
  /** "lon,lat" → the platform zone containing it. */
  near: z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/, 'must be "lon,lat"')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  mode: z.enum(['rent', 'buy']).optional().or(z.literal('').transform(() => undefined)),
  kind: z.enum(listingKinds).optional().or(z.literal('').transform(() => undefined)),
  category: z.string().trim().max(80).optional(),
  /** Whole major units of the listing's currency. */
  min: z.coerce.number().int().min(0).max(1_000_000).optional().or(z.literal('').transform(() => undefined)),
  max: z.coerce.number().int().min(0).max(1_000_000).optional().or(z.literal('').transform(() => undefined)),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});
export type BrowseInput = z.input<typeof browseInput>;

export const createOrderInput = z
  .object({
    listingId: uuidSchema,
    quantity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_ORDER_QUANTITY, `must be at most ${MAX_ORDER_QUANTITY}`),
    fulfilment: z.enum(['pickup', 'delivery']),
    deliveryAddress: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    paymentMethod: z.string().trim().min(1, 'is required (a test card such as 4242 4242 4242 4242)').max(200),
  })
  .superRefine((v, ctx) => {
    if (v.fulfilment === 'delivery' && (!v.deliveryAddress || v.deliveryAddress.length < 8)) {
      ctx.addIssue({ code: 'custom', path: ['deliveryAddress'], message: 'is required for delivery (at least 8 characters)' });
    }
  })
  .transform((v) => ({ ...v, paymentMethod: v.paymentMethod.replace(/\s+/g, ''), deliveryAddress: v.fulfilment === 'delivery' ? v.deliveryAddress! : null }));

export const orderQuoteInput = z.object({
  listingId: uuidSchema,
  quantity: z.coerce.number().int().min(1).max(MAX_ORDER_QUANTITY),
  fulfilment: z.enum(['pickup', 'delivery']),
});

export const orderIdInput = z.object({ orderId: uuidSchema });
export const refundOrderInput = z.object({
  orderId: uuidSchema,
  reason: text(5, 500),
  /** The goods came back to the seller: they return to stock (a 'restock' move). */
  restock: z.union([z.boolean(), z.enum(['true', 'false', 'on'])]).transform((v) => v === true || v === 'true' || v === 'on').default(false),
});
