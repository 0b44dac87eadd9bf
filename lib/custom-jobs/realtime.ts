/**
 * Realtime fan-out for the job feed (ARCHITECTURE.md: through PostgreSQL LISTEN/NOTIFY, so it
 * works across app instances). The verbs call `publishJobChange` inside their transaction:
 * PostgreSQL delivers a NOTIFY only when that transaction commits, so a listener never hears of a
 * job that was rolled back. The payload carries ids only; each listener re-reads the job and checks
 * eligibility for its own caller before telling anyone anything.
 */
import { sql } from 'drizzle-orm';
import { getDatabase, type Executor } from '@/db/client';
import { logger } from '@/lib/core/logger';

export const JOBS_CHANNEL = 'custom_jobs';

export type JobChangeKind = 'posted' | 'changed' | 'closed';

export interface JobChange {
  kind: JobChangeKind;
  jobId: string;
  version: number;
}

export async function publishJobChange(tx: Executor, change: JobChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${JSON.stringify(change)})`);
}

export function parseJobChange(payload: string): JobChange | null {
  try {
    const v = JSON.parse(payload) as Partial<JobChange>;
    if ((v.kind === 'posted' || v.kind === 'changed' || v.kind === 'closed') && typeof v.jobId === 'string' && typeof v.version === 'number') {
      return { kind: v.kind, jobId: v.jobId, version: v.version };
    }
  } catch {
    /* not ours */
  }
  return null;
}

/** LISTEN on `channel`; resolves once listening, to a function that stops. */
export async function listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> {
  const database = getDatabase();
  if (!database.listen) throw new Error('this database engine cannot LISTEN');
  return database.listen(channel, (payload) => {
    try {
      cb(payload);
    } catch (err) {
      logger.warn({ err, channel }, 'notification listener failed');
    }
  });
}

/** Typed job changes, malformed payloads dropped. */
export function listenJobChanges(cb: (change: JobChange) => void): Promise<() => Promise<void>> {
  return listen(JOBS_CHANNEL, (payload) => {
    const change = parseJobChange(payload);
    if (change) cb(change);
  });
}
