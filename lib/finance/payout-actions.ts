'use server';

import { defineAction } from '@/lib/core/action';
import { savePayoutAccount, savePayoutAccountInput } from './payout-account';
import { requestPayout, requestPayoutInput } from './payout-request';
import { runScheduledPayoutsNow } from './payout-run';
import { z } from 'zod';

export const savePayoutAccountAction = defineAction('payouts.save_account', { auth: 'user', permission: 'payouts.manage_own', input: savePayoutAccountInput }, (input, ctx) =>
  savePayoutAccount(ctx, input),
);

// Either payouts.manage_own (own provider) or payouts.manage_any: the verb decides.
export const requestPayoutAction = defineAction('payouts.request', { auth: 'user', input: requestPayoutInput, idempotent: true }, (input, ctx) => requestPayout(ctx, input));

export const runScheduledPayoutsAction = defineAction('payouts.run_schedule', { auth: 'user', permission: 'payouts.manage_any', input: z.object({}) }, (_input, ctx) =>
  runScheduledPayoutsNow(ctx),
);
