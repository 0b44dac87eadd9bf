// GET /api/v1/payments/test/confirm?ref=… — the test gateway's "confirm with your bank" page; POST — the customer confirms.
import { env } from '@/lib/core/env';
import { requestCtx } from '@/lib/core/auth/session';
import { AppError } from '@/lib/core/errors';
import { logger } from '@/lib/core/logger';
import { confirmTestPayment, confirmTestPaymentInput } from '@/lib/payments/confirm-test-payment';

export const dynamic = 'force-dynamic';

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/** Only while the built-in test gateway is the one in use. */
const testGatewayActive = () => !env().STRIPE_SECRET_KEY;

export async function GET(req: Request): Promise<Response> {
  if (!testGatewayActive()) return page(404, 'Not found', '<h1>Not found</h1>');
  const parsed = confirmTestPaymentInput.safeParse({ ref: new URL(req.url).searchParams.get('ref') ?? '' });
  if (!parsed.success) return page(422, 'Unknown payment', '<h1>Unknown payment</h1><p>This confirmation link is not valid.</p>');
  // The reference matched /^test_pi_[0-9a-f]{24}$/, so it is safe to place in the page as is.
  return page(
    200,
    'Confirm your payment',
    `<h1>Confirm your payment</h1><p>Test bank check: this stands in for 3-D Secure. Confirm to place the payment hold for your booking.</p>
<form method="post"><input type="hidden" name="ref" value="${parsed.data.ref}"><button type="submit" style="min-height:44px;padding:0 1.5rem">Confirm payment</button></form>`,
  );
}

export async function POST(req: Request): Promise<Response> {
  if (!testGatewayActive()) return page(404, 'Not found', '<h1>Not found</h1>');
  // A cross-site form post carries a foreign Origin: refuse it (CSRF).
  const origin = req.headers.get('origin');
  const self = new URL(req.url).origin;
  if (origin && origin !== self && origin !== new URL(env().APP_URL).origin) return page(403, 'Not allowed', '<h1>Not allowed</h1>');
  const form = await req.formData().catch(() => null);
  const ref = form?.get('ref');
  try {
    const ctx = await requestCtx();
    if (ctx.actor.kind !== 'user') return page(401, 'Sign in', '<h1>Please sign in</h1><p>Sign in as the customer who made the booking, then open the link again.</p>');
    const result = await confirmTestPayment(ctx, { ref: typeof ref === 'string' ? ref : '' });
    return new Response(null, { status: 303, headers: { location: `/account/bookings/${result.bookingId}` } });
  } catch (err) {
    if (err instanceof AppError) return page(err.status, 'Payment not confirmed', `<h1>Payment not confirmed</h1><p>${err.code === 'NOT_FOUND' ? 'That payment was not found.' : err.code === 'CONFLICT' ? 'This payment can no longer be confirmed.' : 'Please try again.'}</p>`);
    logger.error({ err }, 'test payment confirmation failed');
    return page(500, 'Something went wrong', '<h1>Something went wrong</h1><p>Please try again.</p>');
  }
}
