import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { mailMessages } from '@/db/schema';
import { now } from '@/lib/core/clock';
import { mailTransport } from './mail-transport';

/**
 * The `mail.send` job. Idempotent by message id: a message already marked sent is not sent
 * again, so a retried or duplicated job never sends twice. Failures are recorded and rethrown so
 * the queue retries with backoff.
 */
export async function deliverMail(messageId: string): Promise<'sent' | 'already_sent' | 'missing'> {
  const [message] = await db().select().from(mailMessages).where(eq(mailMessages.id, messageId));
  if (!message) return 'missing';
  if (message.status === 'sent') return 'already_sent';
  const transport = mailTransport();
  try {
    await transport.send({ to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody });
  } catch (err) {
    await db()
      .update(mailMessages)
      .set({ attempts: sql`${mailMessages.attempts} + 1`, lastError: String((err as Error).message).slice(0, 500), transport: transport.name })
      .where(eq(mailMessages.id, messageId));
    throw err;
  }
  await db()
    .update(mailMessages)
    .set({ status: 'sent', sentAt: now(), attempts: sql`${mailMessages.attempts} + 1`, transport: transport.name, lastError: null })
    .where(and(eq(mailMessages.id, messageId), eq(mailMessages.status, 'queued')));
  return 'sent';
}
