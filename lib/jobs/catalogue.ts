/**
 * Every background queue, its payload type and its retry policy in one place. Handlers must be
 * idempotent by business key: a job may run again after a crash or a retry.
 */
export interface JobPayloads {
  'mail.send': { messageId: string };
  'audit.seal': Record<string, never>;
  'sessions.prune': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const queueOptions: Record<JobName, { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }> = {
  'mail.send': { retryLimit: 8, retryDelay: 15, retryBackoff: true, expireInSeconds: 120 },
  'audit.seal': { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 300 },
  'sessions.prune': { retryLimit: 2, retryDelay: 300, retryBackoff: false, expireInSeconds: 300 },
};

/** Cron schedules (UTC). */
export const schedules: Partial<Record<JobName, string>> = {
  'audit.seal': '* * * * *',
  'sessions.prune': '17 3 * * *',
};
