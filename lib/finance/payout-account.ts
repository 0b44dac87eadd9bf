/**
 * savePayoutAccount: a provider admin sets where and when its provider is paid out. The bank
 * details go to the gateway, which keeps the full account behind a reference; only the last four
 * digits (and the sort code / IBAN prefix) are stored here, and the audit row holds neither the
 * number nor the IBAN. Schedule-only edits keep the registered account. Optimistic concurrency on
 * `version`: a save based on an older form is a CONFLICT, not a silent overwrite.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { payoutAccounts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { conflict, forbidden, validation } from '@/lib/core/errors';
import { currencySchema, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { parseBankDetails } from '@/lib/payments/bank-details';
import { paymentGateway } from '@/lib/payments/gateway';
import { normaliseAccount } from './payout-internal';

const optionalText = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || undefined);

export const savePayoutAccountInput = z.object({
  /** Optional: must be the caller's own provider when given. */
  providerOrgId: z.string().uuid().optional(),
  accountHolder: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  country: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code')),
  currency: currencySchema,
  sortCode: optionalText,
  accountNumber: optionalText,
  iban: optionalText,
  schedule: z.enum(['daily', 'weekly', 'monthly', 'manual']),
  weeklyDay: z.coerce.number().int().min(1, 'must be Monday (1) to Sunday (7)').max(7, 'must be Monday (1) to Sunday (7)').default(1),
  monthlyDay: z.coerce.number().int().min(1, 'must be 1 to 28').max(28, 'must be 1 to 28').default(1),
  minimumPayoutMinor: z.coerce.number().int('must be whole minor units').min(0, 'cannot be negative').max(100_000_000).default(0),
  /** The version the form was based on (absent when creating). */
  expectedVersion: z.coerce.number().int().min(1).optional(),
});

export interface PayoutAccountView {
  providerOrgId: string;
  accountHolder: string;
  country: string;
  currency: string;
  bankIdentifier: string;
  accountLast4: string;
  gateway: string;
  schedule: 'daily' | 'weekly' | 'monthly' | 'manual';
  weeklyDay: number;
  monthlyDay: number;
  minimumPayoutMinor: number;
  version: number;
  updatedAt: string;
}

export function payoutAccountView(a: typeof payoutAccounts.$inferSelect): PayoutAccountView {
  const n = normaliseAccount(a);
  return {
    providerOrgId: n.providerOrgId,
    accountHolder: n.accountHolder,
    country: n.country,
    currency: n.currency,
    bankIdentifier: n.bankIdentifier,
    accountLast4: n.accountLast4,
    gateway: n.gateway,
    schedule: n.schedule,
    weeklyDay: n.weeklyDay,
    monthlyDay: n.monthlyDay,
    minimumPayoutMinor: toWire(n.minimumPayoutMinor),
    version: n.version,
    updatedAt: new Date(n.updatedAt).toISOString(),
  };
}

export async function savePayoutAccount(ctx: Ctx, raw: unknown): Promise<PayoutAccountView> {
  authorize(ctx.actor, 'payouts.manage_own');
  const input = parseInput(savePayoutAccountInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  if (input.providerOrgId && input.providerOrgId !== orgId) throw forbidden('You can only change your own provider’s payout details.');

  const [existing] = await db().select().from(payoutAccounts).where(eq(payoutAccounts.providerOrgId, orgId));
  const current = existing ? normaliseAccount(existing) : null;
  const newBank = Boolean(input.sortCode || input.accountNumber || input.iban);
  let destination: { gateway: string; ref: string; last4: string; bankIdentifier: string } | null = null;
  if (newBank) {
    const parsed = parseBankDetails(input);
    if (!parsed.ok) throw validation(parsed.errors);
    if (parsed.details.kind === 'gb' && input.country !== 'GB') throw validation({ country: ['must be GB for a sort code and account number (use an IBAN elsewhere)'] });
    if (parsed.details.kind === 'iban' && parsed.details.iban.slice(0, 2) !== input.country) throw validation({ country: [`must match the IBAN’s country (${parsed.details.iban.slice(0, 2)})`] });
    const gateway = paymentGateway();
    // The gateway call happens before the transaction (no lock held across the network); its
    // idempotency key is derived from the details, so a retried save registers them once.
    const fingerprint = createHash('sha256').update(JSON.stringify([orgId, input.country, input.currency, input.accountHolder, parsed.details])).digest('hex').slice(0, 32);
    const r = await gateway.createPayoutDestination({
      accountHolder: input.accountHolder,
      country: input.country,
      currency: input.currency,
      details: parsed.details,
      ownerRef: orgId,
      idempotencyKey: `payout-destination:${fingerprint}`,
    });
    if (!r.ok) throw validation({ [r.field]: [r.reason] });
    destination = { gateway: gateway.name, ref: r.ref, last4: r.last4, bankIdentifier: r.bankIdentifier };
  } else if (!current) {
    throw validation({ sortCode: ['is required (or give an IBAN)'], accountNumber: ['is required (or give an IBAN)'] }, 'Please enter your bank details: a sort code and account number, or an IBAN.');
  } else if (current.country !== input.country || current.currency !== input.currency) {
    throw validation({ iban: ['enter the bank details again to change the country or currency'] });
  }

  return db().transaction(async (tx) => {
    const [locked] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.providerOrgId, orgId)).for('update');
    if (locked && input.expectedVersion !== undefined && locked.version !== input.expectedVersion) {
      throw conflict('Your payout details were changed by someone else since you opened the form; reload and try again.', { version: locked.version });
    }
    if (!locked && current) throw conflict('Your payout details changed while saving; reload and try again.');
    const settings = {
      accountHolder: input.accountHolder,
      country: input.country,
      currency: input.currency,
      schedule: input.schedule,
      weeklyDay: input.weeklyDay,
      monthlyDay: input.monthlyDay,
      minimumPayoutMinor: BigInt(input.minimumPayoutMinor),
      ...(destination ? { gateway: destination.gateway, destinationRef: destination.ref, accountLast4: destination.last4, bankIdentifier: destination.bankIdentifier } : {}),
    };
    let row: typeof payoutAccounts.$inferSelect;
    if (locked) {
      [row] = (await tx
        .update(payoutAccounts)
        .set({ ...settings, version: locked.version + 1, updatedAt: ctx.now })
        .where(eq(payoutAccounts.providerOrgId, orgId))
        .returning()) as [typeof payoutAccounts.$inferSelect];
    } else {
      if (!destination) throw validation({ accountNumber: ['is required (or give an IBAN)'] });
      [row] = (await tx
        .insert(payoutAccounts)
        .values({
          providerOrgId: orgId,
          ...settings,
          gateway: destination.gateway,
          destinationRef: destination.ref,
          accountLast4: destination.last4,
          bankIdentifier: destination.bankIdentifier,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning()) as [typeof payoutAccounts.$inferSelect];
    }
    // Facts only: never the account number or IBAN (the audit trail is never edited for erasure).
    await recordAudit(
      { ...ctx, tx },
      {
        action: 'payouts.account_saved',
        entityType: 'payout_account',
        entityId: orgId,
        tenantId: orgId,
        data: {
          bankChanged: Boolean(destination),
          accountLast4: row.accountLast4,
          country: row.country,
          currency: row.currency.trim(),
          schedule: row.schedule,
          weeklyDay: row.weeklyDay,
          monthlyDay: row.monthlyDay,
          minimumPayoutMinor: input.minimumPayoutMinor,
          version: row.version,
        },
      },
    );
    return payoutAccountView(row);
  });
}
