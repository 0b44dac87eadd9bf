import { z } from 'zod';
import { roles } from '@/lib/core/auth/roles';

// Client-safe: forms import these for instant validation; verbs validate again on the server.
export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }));

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(10, 'Password must be at least 10 characters')
  .max(128, 'Password must be at most 128 characters');

export const nameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(2, 'Name must be at least 2 characters')
  .max(120, 'Name must be at most 120 characters')
  // Control and bidi-override characters can disguise text in other people's screens.
  .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), 'Name contains characters that are not allowed');

export const signUpInput = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpInput>;

export const providerSignUpInput = signUpInput.extend({
  businessName: nameSchema,
});
export type ProviderSignUpInput = z.infer<typeof providerSignUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(128, 'Password is too long'),
  callbackUrl: z.string().max(500).optional(),
});
export type SignInInput = z.infer<typeof signInInput>;

export const tokenInput = z.object({ token: z.string().min(20, 'The link is incomplete').max(200, 'The link is invalid') });

export const requestResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({
  token: z.string().min(20, 'The link is incomplete').max(200, 'The link is invalid'),
  password: passwordSchema,
});
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Current password is required').max(128),
  newPassword: passwordSchema,
});

export const roleSchema = z.enum(roles, { error: 'Choose a valid role' });

export const grantRoleInput = z.object({
  email: emailSchema,
  role: roleSchema,
  orgSlug: z.string().trim().max(80).optional().or(z.literal('').transform(() => undefined)),
  // Just-in-time elevation: hours until the role stops working (empty = permanent).
  // An empty form field means "permanent", not zero hours.
  expiresInHours: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number().int('Whole hours only').min(1, 'At least 1 hour').max(24 * 90, 'At most 90 days').optional(),
  ),
  reason: z.string().trim().max(300, 'Reason must be at most 300 characters').optional(),
});
export type GrantRoleInput = z.infer<typeof grantRoleInput>;

export const revokeRoleInput = z.object({ membershipId: z.uuid({ error: 'Unknown membership' }) });
export const disableUserInput = z.object({ userId: z.uuid({ error: 'Unknown user' }), reason: z.string().trim().min(3, 'Give a reason').max(300) });
