'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { landingFor, safeCallbackUrl } from '@/components/layout/nav-config';
import { defineAction, type ActionResult } from '@/lib/core/action';
import { signIn, signOut } from '@/lib/core/auth/next-auth';
import { now } from '@/lib/core/clock';
import { currentSession, requestCtx } from '@/lib/core/auth/session';
import { revokeSession } from './sign-out';
import { changePassword } from './change-password';
import { disableUser, enableUser } from './disable-user';
import { grantRole, revokeRole } from './grant-role';
import { findUserByEmail, resolveActor } from './queries';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import {
  changePasswordInput,
  disableUserInput,
  grantRoleInput,
  providerSignUpInput,
  requestResetInput,
  resetPasswordInput,
  revokeRoleInput,
  signInInput,
  signUpInput,
  tokenInput,
} from './schemas';
import { signOutEverywhere } from './sign-out-everywhere';
import { signUp, signUpProvider } from './sign-up';
import { verifyEmail } from './verify-email';

const refusalMessages: Record<string, string> = {
  invalid: 'That email and password do not match an account.',
  unverified: 'Please confirm your email first — we sent you a link when you signed up.',
  disabled: 'This account is disabled. Contact support if you think this is a mistake.',
};

/** Sign in with email + password; on success goes to the callback URL or the role's landing panel. */
export async function signInAction(fd: FormData): Promise<ActionResult<never>> {
  const parsed = signInInput.safeParse({ email: fd.get('email'), password: fd.get('password'), callbackUrl: fd.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
    return { ok: false, error: { code: 'VALIDATION', message: 'Please check the highlighted fields.', fieldErrors } };
  }
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = err.code ?? 'invalid';
      if (code.startsWith('rate_limited')) {
        const seconds = Number(code.split(':')[1] ?? 60);
        return { ok: false, error: { code: 'LIMIT_EXCEEDED', message: `Too many sign-in attempts. Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).`, retryAfterSeconds: seconds } };
      }
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: refusalMessages[code] ?? refusalMessages.invalid } };
    }
    if (err instanceof AuthError) {
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: refusalMessages.invalid } };
    }
    throw err;
  }
  // The new session cookie is only on the response, so resolve the landing from the database.
  const user = await findUserByEmail(email);
  const actor = user ? await resolveActor(user.id, user.sessionVersion, now()) : null;
  redirect(safeCallbackUrl(callbackUrl) ?? landingFor(actor?.roles ?? []));
}

export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session) await revokeSession(await requestCtx(), session);
  await signOut({ redirectTo: '/' });
}

export const signUpAction = defineAction('identity.sign_up', { auth: 'public', input: signUpInput }, (input, ctx) => signUp(ctx, input));
export const signUpProviderAction = defineAction('identity.sign_up_provider', { auth: 'public', input: providerSignUpInput }, (input, ctx) =>
  signUpProvider(ctx, input),
);
export const verifyEmailAction = defineAction('identity.verify_email', { auth: 'public', input: tokenInput }, (input, ctx) => verifyEmail(ctx, input));
export const requestPasswordResetAction = defineAction('identity.request_password_reset', { auth: 'public', input: requestResetInput }, (input, ctx) =>
  requestPasswordReset(ctx, input),
);
export const resetPasswordAction = defineAction('identity.reset_password', { auth: 'public', input: resetPasswordInput }, (input, ctx) =>
  resetPassword(ctx, input),
);

export const changePasswordAction = defineAction(
  'identity.change_password',
  { auth: 'user', permission: 'account.update_self', input: changePasswordInput },
  (input, ctx) => changePassword(ctx, input),
);

export const signOutEverywhereAction = defineAction('identity.sign_out_everywhere', { auth: 'user', input: z.object({}) }, (_input, ctx) =>
  signOutEverywhere(ctx),
);

export const grantRoleAction = defineAction('rbac.grant', { auth: 'user', permission: 'rbac.grant', input: grantRoleInput }, (input, ctx) =>
  grantRole(ctx, input),
);
export const revokeRoleAction = defineAction('rbac.revoke', { auth: 'user', permission: 'rbac.revoke', input: revokeRoleInput }, (input, ctx) =>
  revokeRole(ctx, input),
);
export const disableUserAction = defineAction('users.disable', { auth: 'user', permission: 'users.disable', input: disableUserInput }, (input, ctx) =>
  disableUser(ctx, input),
);
export const enableUserAction = defineAction(
  'users.enable',
  { auth: 'user', permission: 'users.disable', input: disableUserInput.pick({ userId: true }) },
  (input, ctx) => enableUser(ctx, input),
);

