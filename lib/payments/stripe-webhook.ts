/**
 * Stripe webhooks: the signature is verified on the raw body (HMAC-SHA256 over "<t>.<body>",
 * 300 s tolerance, constant-time compare), each event id is stored once (a repeat is answered
 * 200 without reprocessing) and PaymentIntent events move the payments row forward only. The
 * dedup row and the processing commit together: if processing fails, Stripe's retry finds no row
 * and processes again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments, webhookEvents } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { applyGatewayStatus, type GatewayStatus } from './status';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Parses `t=…,v1=…[,v1=…]` and checks one v1 signature matches within the tolerance. */
export function verifyStripeSignature(rawBody: string, header: string | null, secret: string, now: Date, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex'), 'utf8');
  // Every candidate is compared in constant time; lengths are equal by the regex above.
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'utf8'), expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}

/** For tests and local tooling: the header Stripe would send for `rawBody` at `timestamp`. */
export function signStripePayload(rawBody: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

interface StripeEvent {
  id: string;
  type: string;
  data?: { object?: { id?: string; object?: string; last_payment_error?: { code?: string; decline_code?: string } | null } };
}

const statusFor: Record<string, GatewayStatus> = {
  'payment_intent.amount_capturable_updated': 'authorized',
  'payment_intent.succeeded': 'captured',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'voided',
};

export interface WebhookResult {
  status: number;
  body: { received: boolean; duplicate?: boolean; error?: string; applied?: boolean };
}

/** The whole webhook, framework-free (the route passes the raw body and header through). */
export async function handleStripeWebhook(args: { rawBody: string; signature: string | null; secret: string; now: Date; requestId: string }): Promise<WebhookResult> {
  const check = verifyStripeSignature(args.rawBody, args.signature, args.secret, args.now);
  if (!check.ok) return { status: 400, body: { received: false, error: `signature ${check.reason}` } };
  let event: StripeEvent;
  try {
    event = JSON.parse(args.rawBody) as StripeEvent;
  } catch {
    return { status: 400, body: { received: false, error: 'body is not JSON' } };
  }
  if (typeof event?.id !== 'string' || typeof event.type !== 'string' || event.id.length > 255) {
    return { status: 400, body: { received: false, error: 'not a Stripe event' } };
  }

  return db().transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookEvents)
      .values({ id: newId(), gateway: 'stripe', eventId: event.id, type: event.type.slice(0, 200), payload: args.rawBody, receivedAt: args.now })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!inserted.length) return { status: 200, body: { received: true, duplicate: true } };

    let applied = false;
    const to = statusFor[event.type];
    const intent = event.data?.object;
    if (to && intent?.object === 'payment_intent' && typeof intent.id === 'string') {
      const [row] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.gateway, 'stripe'), eq(payments.gatewayRef, intent.id)));
      if (row) {
        const c: Ctx & { tx: typeof tx } = { actor: { kind: 'webhook', source: 'stripe', roles: [] }, requestId: args.requestId, now: args.now, tx };
        const failureReason = intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null;
        applied = (await applyGatewayStatus(c, row, to, { via: 'webhook', failureReason })).changed;
      }
    }
    await tx.update(webhookEvents).set({ processedAt: args.now }).where(eq(webhookEvents.id, inserted[0].id));
    return { status: 200, body: { received: true, applied } };
  });
}
