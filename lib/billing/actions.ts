'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/core/action';
import { saveBillingProfile } from './save-billing-profile';

// The verb validates every field itself (messages name them); the action only passes the form on.
const formInput = z.record(z.string(), z.unknown());

export const saveBillingProfileAction = defineAction('billing.profile_save', { auth: 'user', permission: 'billing.manage_own', input: formInput }, (input, ctx) =>
  saveBillingProfile(ctx, input),
);
