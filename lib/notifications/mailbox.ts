import { desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { mailMessages } from '@/db/schema';
import { can } from '@/lib/core/auth/permissions';
import type { Actor } from '@/lib/core/context';
import { forbidden } from '@/lib/core/errors';
import { localMailboxEnabled, localMailboxPublic } from './mail-transport';

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The local mailbox: the emails this installation sent while no SMTP server is configured. Open
 * to everyone only where DEV_MAILBOX_PUBLIC allows it (development, demos, browser tests);
 * otherwise to admins and operations only, because it holds sign-up and reset links.
 */
export async function listMailbox(actor: Actor, opts: { to?: string; limit?: number } = {}): Promise<MailboxMessage[]> {
  if (!localMailboxEnabled()) return [];
  if (!localMailboxPublic() && !can(actor, 'mailbox.read')) throw forbidden('The mailbox is only open to the platform team.');
  const rows = await db()
    .select()
    .from(mailMessages)
    .where(opts.to ? eq(mailMessages.toAddress, opts.to.trim().toLowerCase()) : undefined)
    .orderBy(desc(mailMessages.createdAt))
    .limit(Math.min(opts.limit ?? 50, 200));
  return rows.map((r) => ({ id: r.id, to: r.toAddress, subject: r.subject, text: r.textBody, status: r.status, createdAt: r.createdAt, sentAt: r.sentAt }));
}
