import { env } from '@/lib/core/env';

/**
 * Every background queue, its payload type and its retry policy in one place. Handlers must be
 * idempotent by business key: a job may run again after a crash or a retry.
 */
export interface JobPayloads {
  'mail.send': { messageId: string };
  'audit.seal': Record<string, never>;
  'sessions.prune': Record<string, never>;
  // Zone analytics run; `runId` is set when operations triggered it by hand.
  'geo.snapshot': { runId?: string };
  // bookings helper: the deadline sweeper (SLA breaches, offer timeouts, expired requests and holds).
  'bookings.sweep': Record<string, never>;
  // finance helper: provider money becomes payable once the dispute window closes.
  'finance.payable_sweep': Record<string, never>;
  // payouts: scheduled payouts of payable balances, due in each provider's home time zone.
  'finance.payouts': Record<string, never>;
  // custom jobs: bids close at each job's deadline; a job without bids gets a suggestions notice.
  'custom_jobs.deadlines': Record<string, never>;
  // disputes: response reminders 24 h before the deadline, escalation to review when it passes.
  'disputes.deadlines': Record<string, never>;
  // rentals: return reminders, overdue detection (alert + notices), auto-cancel of stale requests.
  'rentals.sweep': Record<string, never>;
  // compliance: expire documents at each subject's local midnight, warn 30/7/1 days ahead.
  'compliance.daily': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const queueOptions: Record<JobName, { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }> = {
  'mail.send': { retryLimit: 8, retryDelay: 15, retryBackoff: true, expireInSeconds: 120 },
  'audit.seal': { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 300 },
  'sessions.prune': { retryLimit: 2, retryDelay: 300, retryBackoff: false, expireInSeconds: 300 },
  'geo.snapshot': { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  // bookings helper: runs every minute; a missed run is simply caught up by the next one.
  'bookings.sweep': { retryLimit: 1, retryDelay: 30, retryBackoff: false, expireInSeconds: 120 },
  // finance helper: hourly; each booking is its own idempotent posting, so retries are safe.
  'finance.payable_sweep': { retryLimit: 3, retryDelay: 120, retryBackoff: true, expireInSeconds: 600 },
  // payouts: hourly, after the payable sweep; period keys make a rerun pay nobody twice.
  'finance.payouts': { retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 },
  // custom jobs: every minute; each job closes in its own transaction, guarded by its status.
  'custom_jobs.deadlines': { retryLimit: 1, retryDelay: 30, retryBackoff: false, expireInSeconds: 120 },
  // disputes: every 10 minutes; each dispute in its own transaction, guarded by its status.
  'disputes.deadlines': { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
  // rentals: every 5 minutes; each rental in its own transaction, guarded by its status.
  'rentals.sweep': { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
  // compliance: every 15 minutes (local midnights differ per zone); each document in its own transaction, guarded by its status.
  'compliance.daily': { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 },
};

/** Cron schedules (UTC); the zone analytics interval is configuration (ZONE_SNAPSHOT_CRON). */
export function schedules(): Partial<Record<JobName, string>> {
  return {
    'audit.seal': '* * * * *',
    'sessions.prune': '17 3 * * *',
    'geo.snapshot': env().ZONE_SNAPSHOT_CRON,
    // bookings helper
    'bookings.sweep': '* * * * *',
    // finance helper
    'finance.payable_sweep': '23 * * * *',
    // payouts
    'finance.payouts': '41 * * * *',
    // custom jobs
    'custom_jobs.deadlines': '* * * * *',
    // disputes
    'disputes.deadlines': '*/10 * * * *',
    // rentals
    'rentals.sweep': '*/5 * * * *',
    // compliance
    'compliance.daily': '*/15 * * * *',
  };
}
