import nodemailer from 'nodemailer';
import { env } from '@/lib/core/env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** The mail interface. Implementations: SMTP (nodemailer) and the local mailbox. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined });
    },
  };
}

/**
 * With no SMTP server the stored message row IS the delivery: the local mailbox page shows it.
 * Delivery is therefore immediate and cannot fail.
 */
export const localMailbox: MailTransport = {
  name: 'local-mailbox',
  async send() {},
};

let override: MailTransport | undefined;

export function mailTransport(): MailTransport {
  if (override) return override;
  const e = env();
  return e.SMTP_URL ? smtpTransport(e.SMTP_URL, e.MAIL_FROM) : localMailbox;
}

/** Tests swap the transport (e.g. a real smtp-server on loopback, or a failing one). */
export function setMailTransport(t: MailTransport | undefined): void {
  override = t;
}

export function localMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

/** Whether anyone (not only admins) may read the local mailbox. */
export function localMailboxPublic(): boolean {
  const e = env();
  if (!localMailboxEnabled()) return false;
  return e.DEV_MAILBOX_PUBLIC ? e.DEV_MAILBOX_PUBLIC === 'true' : e.NODE_ENV !== 'production';
}
