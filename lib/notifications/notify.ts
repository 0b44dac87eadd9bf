import type { Tx } from '@/db/client';
import { notifications } from '@/db/schema';
import { newId } from '@/lib/core/ids';

export interface NoticeInput {
  kind: string;
  title: string;
  body?: string;
  href?: string;
  /** Unique per recipient: a retried job or replay never notifies twice. */
  businessKey: string;
}

/** In-app notices for these users, in the caller's transaction; once per (user, business key). */
export async function notify(tx: Tx, userIds: readonly (string | null | undefined)[], n: NoticeInput): Promise<void> {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (!ids.length) return;
  await tx
    .insert(notifications)
    .values(ids.map((userId) => ({ id: newId(), userId, kind: n.kind, title: n.title, body: n.body ?? '', href: n.href ?? null, businessKey: n.businessKey })))
    .onConflictDoNothing();
}
