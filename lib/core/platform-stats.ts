import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { authorize } from './auth/permissions';
import type { Actor } from './context';

export interface PlatformStats {
  users: number;
  providers: number;
  enterprises: number;
  unsealedAudit: number;
  mailQueued: number;
  mailFailed: number;
}

/** Headline counts for the admin overview (one round trip). */
export async function platformStats(actor: Actor): Promise<PlatformStats> {
  authorize(actor, 'panel.admin');
  const result = await db().execute(sql`
    SELECT
      (SELECT count(*) FROM users)::int AS users,
      (SELECT count(*) FROM organisations WHERE kind = 'provider')::int AS providers,
      (SELECT count(*) FROM organisations WHERE kind = 'enterprise')::int AS enterprises,
      (SELECT count(*) FROM audit_log WHERE hash IS NULL)::int AS unsealed_audit,
      (SELECT count(*) FROM mail_messages WHERE status = 'queued')::int AS mail_queued,
      (SELECT count(*) FROM mail_messages WHERE status = 'failed' OR (status = 'queued' AND attempts > 0))::int AS mail_failed`);
  const [r] = rowsOf<Record<string, number>>(result);
  return {
    users: Number(r.users),
    providers: Number(r.providers),
    enterprises: Number(r.enterprises),
    unsealedAudit: Number(r.unsealed_audit),
    mailQueued: Number(r.mail_queued),
    mailFailed: Number(r.mail_failed),
  };
}
