import type { Tx } from '@/db/client';
import { mailMessages } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { enqueue } from '@/lib/jobs/boss';

export interface MailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  template: string;
}

/** Stores the message and enqueues its delivery in the caller's transaction. */
export async function queueMail(tx: Tx, input: MailInput): Promise<string> {
  const id = newId();
  await tx.insert(mailMessages).values({
    id,
    toAddress: input.to,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    template: input.template,
  });
  await enqueue(tx, 'mail.send', { messageId: id }, { singletonKey: id });
  return id;
}
