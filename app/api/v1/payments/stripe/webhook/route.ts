// POST /api/v1/payments/stripe/webhook — Stripe events: signature verified on the raw body, deduplicated by event id.
import { env } from '@/lib/core/env';
import { now } from '@/lib/core/clock';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { handleStripeWebhook } from '@/lib/payments/stripe-webhook';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 512 * 1024;

export async function POST(req: Request): Promise<Response> {
  const requestId = newId();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  // Without a secret nothing can be verified, so nothing is accepted.
  if (!secret) return Response.json({ received: false, error: 'webhooks are not configured' }, { status: 404 });
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return Response.json({ received: false, error: 'body too large' }, { status: 413 });
  const rawBody = await req.text();
  if (rawBody.length > MAX_BODY_BYTES) return Response.json({ received: false, error: 'body too large' }, { status: 413 });
  try {
    const result = await handleStripeWebhook({ rawBody, signature: req.headers.get('stripe-signature'), secret, now: now(), requestId });
    return Response.json(result.body, { status: result.status });
  } catch (err) {
    // A 5xx makes Stripe retry; the dedup row rolled back with the failed processing.
    logger.error({ err, requestId }, 'stripe webhook failed');
    return Response.json({ received: false }, { status: 500 });
  }
}
