import { z } from 'zod';
import { uuidSchema } from '@/lib/core/ids';
import { chargeKinds, rentalStatuses } from './policy';

const instant = z.coerce.date({ message: 'must be a date and time' }).refine((d) => !Number.isNaN(d.getTime()), 'must be a date and time');
const text = (min: number, max: number) => z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const quantity = z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000');
const minor = z.union([z.bigint(), z.number().int(), z.string().regex(/^\d+$/, 'must be a whole number of minor units')]).transform((v) => BigInt(v));
const condition = z.enum(['new', 'good', 'fair', 'worn', 'damaged'], { message: 'choose a condition' });

/** A file from a multipart form, already read by the route (bytes + the browser's name). */
export const uploadFile = z.object({ bytes: z.instanceof(Uint8Array), name: z.string().max(300) });
export type UploadFile = z.infer<typeof uploadFile>;
export const MAX_PHOTOS = 6;
const photos = z.array(uploadFile).max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`).default([]);

export const windowInput = z
  .object({
    listingId: uuidSchema,
    startsAt: instant,
    endsAt: instant,
    quantity: quantity.default(1),
    fulfilment: z.enum(['pickup', 'delivery']).default('pickup'),
  })
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { path: ['endsAt'], message: 'must be after the start' });

export const requestInput = z
  .object({
    listingId: uuidSchema,
    startsAt: instant,
    endsAt: instant,
    quantity: quantity.default(1),
    fulfilment: z.enum(['pickup', 'delivery']).default('pickup'),
    deliveryAddress: z.string().trim().max(300, 'must be at most 300 characters').optional().default(''),
    paymentMethod: text(4, 200),
  })
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { path: ['endsAt'], message: 'must be after the start' })
  .refine((v) => v.fulfilment === 'pickup' || v.deliveryAddress.length >= 5, { path: ['deliveryAddress'], message: 'is required for delivery (at least 5 characters)' });

export const rentalIdInput = z.object({ rentalId: uuidSchema });
export const rejectInput = z.object({ rentalId: uuidSchema, reason: text(3, 500) });
export const cancelInput = z.object({ rentalId: uuidSchema, reason: z.string().trim().max(500).default('') });
export const scheduleInput = z.object({ rentalId: uuidSchema, pickupAt: instant });
export const checkoutInput = z.object({ rentalId: uuidSchema, condition, note: z.string().trim().max(2000).default(''), photos });
export const returnInput = z.object({
  rentalId: uuidSchema,
  quantity: quantity.optional(),
  unitIds: z.array(uuidSchema).max(1000).default([]),
  condition,
  note: z.string().trim().max(2000).default(''),
  photos,
});
export const chargeInput = z.object({ kind: z.enum(['damage', 'cleaning', 'loss', 'other']), label: text(2, 200), amountMinor: minor.refine((v) => v > 0n, 'must be more than zero') });
export const inspectInput = z.object({
  rentalId: uuidSchema,
  outcome: z.enum(['clear', 'damaged', 'partial']),
  note: z.string().trim().max(2000).default(''),
  charges: z.array(chargeInput).max(20, 'at most 20 charge lines').default([]),
  photos,
});
export const extendInput = z.object({ rentalId: uuidSchema, endsAt: instant });
export const listInput = z.object({
  status: z.enum(rentalStatuses).optional(),
  providerOrgId: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const availabilityInput = z.object({
  listingId: uuidSchema,
  from: instant.optional(),
  days: z.coerce.number().int().min(1).max(120).default(60),
});

export { chargeKinds };
