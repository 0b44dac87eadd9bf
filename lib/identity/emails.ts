import { env } from '@/lib/core/env';
import type { MailInput } from '@/lib/notifications/queue-mail';

const link = (path: string) => new URL(path, env().APP_URL).toString();

export function verifyEmailMail(to: string, name: string, token: string): MailInput {
  const url = link(`/verify-email?token=${encodeURIComponent(token)}`);
  return {
    to,
    template: 'identity.verify_email',
    subject: 'Confirm your email for Fixnado',
    text: `Hi ${name},\n\nConfirm your email address to finish setting up your Fixnado account:\n${url}\n\nThe link works for 48 hours. If you did not sign up, ignore this email.`,
  };
}

export function resetPasswordMail(to: string, name: string, token: string): MailInput {
  const url = link(`/reset-password/confirm?token=${encodeURIComponent(token)}`);
  return {
    to,
    template: 'identity.reset_password',
    subject: 'Reset your Fixnado password',
    text: `Hi ${name},\n\nSomeone (hopefully you) asked to reset your Fixnado password. Choose a new one here:\n${url}\n\nThe link works for 1 hour and only once. Resetting signs you out on every device.\nIf you did not ask, ignore this email: your password stays the same.`,
  };
}

export function passwordChangedMail(to: string, name: string): MailInput {
  return {
    to,
    template: 'identity.password_changed',
    subject: 'Your Fixnado password was changed',
    text: `Hi ${name},\n\nYour password was just changed and every session was signed out. If this was not you, reset your password now: ${link('/reset-password')}`,
  };
}
