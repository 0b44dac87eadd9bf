import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { mailMessages } from '@/db/schema';
import { deliverMail } from '@/lib/notifications/deliver-mail';
import { setMailTransport, type OutgoingMail } from '@/lib/notifications/mail-transport';
import { queueMail } from '@/lib/notifications/queue-mail';

const jobsFor = async (messageId: string) => {
  const r = await db().execute(sql`SELECT id FROM pgboss.job WHERE name = 'mail.send' AND data->>'messageId' = ${messageId}`);
  return rowsOf(r).length;
};

describe('outbox: jobs enqueued in the business transaction', () => {
  it('a committed change has its job; a rolled-back one has neither row nor job', async () => {
    let committedId = '';
    await db().transaction(async (tx) => {
      committedId = await queueMail(tx, { to: 'a@example.test', subject: 'Hi', text: 'Body', template: 'test' });
    });
    expect(await jobsFor(committedId)).toBe(1);

    let rolledBackId = '';
    await expect(
      db().transaction(async (tx) => {
        rolledBackId = await queueMail(tx, { to: 'b@example.test', subject: 'Hi', text: 'Body', template: 'test' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await jobsFor(rolledBackId)).toBe(0);
    expect(await db().select().from(mailMessages).where(eq(mailMessages.id, rolledBackId))).toHaveLength(0);
  });
});

describe('mail delivery', () => {
  it('sends once per message even when the job runs again (I4), and records failures for retry', async () => {
    const sent: OutgoingMail[] = [];
    let failing = true;
    setMailTransport({
      name: 'test',
      async send(m) {
        if (failing) throw new Error('SMTP 451 try later');
        sent.push(m);
      },
    });
    try {
      let id = '';
      await db().transaction(async (tx) => {
        id = await queueMail(tx, { to: 'c@example.test', subject: 'Receipt', text: 'Thanks', template: 'test' });
      });
      await expect(deliverMail(id)).rejects.toThrow('451');
      const [afterFail] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
      expect(afterFail).toMatchObject({ status: 'queued', attempts: 1 });
      expect(afterFail.lastError).toContain('451');
      failing = false;
      expect(await deliverMail(id)).toBe('sent');
      expect(await deliverMail(id)).toBe('already_sent');
      expect(sent).toHaveLength(1);
      const [done] = await db().select().from(mailMessages).where(eq(mailMessages.id, id));
      expect(done).toMatchObject({ status: 'sent', attempts: 2, transport: 'test', lastError: null });
    } finally {
      setMailTransport(undefined);
    }
  });
});
