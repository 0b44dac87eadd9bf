// POST /api/v1/orders — buy from a listing; pays at once (Idempotency-Key honoured).
import { defineRoute } from '@/lib/core/route';
import { createOrderContract } from '@/lib/marketplace/contracts';
import { createOrder } from '@/lib/marketplace/create-order';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(createOrderContract, async ({ ctx, body }) => createOrder(ctx, body));
