import { sealAuditLog } from '@/lib/audit/seal';
import { deliverMail } from '@/lib/notifications/deliver-mail';
import { now } from '@/lib/core/clock';
import { pruneRevokedSessions } from '@/lib/identity/sign-out';
import { handleSnapshotJob } from '@/lib/geo/snapshot/run-snapshot';
// bookings helper
import { sweepDeadlines } from '@/lib/bookings/sweeper';
// finance helper
import { runPayableSweep } from '@/lib/finance/payable-sweep';
// payouts
import { runScheduledPayouts } from '@/lib/finance/payout-run';
// custom jobs
import { closeDueJobs } from '@/lib/custom-jobs/close-due-jobs';
// disputes
import { runDisputeDeadlines } from '@/lib/disputes/deadlines';
// rentals
import { sweepRentals } from '@/lib/rentals/sweep';
// compliance
import { runComplianceDaily, systemCtx as complianceCtx } from '@/lib/compliance/daily';
import { startWorkers } from './boss';

/** The handler for every queue in the catalogue (the type makes a missing one a compile error). */
export function startAllWorkers(): Promise<void> {
  return startWorkers({
    'mail.send': async ({ messageId }) => {
      await deliverMail(messageId);
    },
    'audit.seal': async () => {
      await sealAuditLog();
    },
    'sessions.prune': async () => {
      await pruneRevokedSessions(now());
    },
    'geo.snapshot': async (data) => {
      await handleSnapshotJob(data);
    },
    // bookings helper
    'bookings.sweep': async () => {
      await sweepDeadlines(now());
    },
    // finance helper
    'finance.payable_sweep': async () => {
      await runPayableSweep(now());
    },
    // payouts
    'finance.payouts': async () => {
      await runScheduledPayouts(now());
    },
    // custom jobs
    'custom_jobs.deadlines': async () => {
      await closeDueJobs(now());
    },
    // disputes
    'disputes.deadlines': async () => {
      await runDisputeDeadlines(now());
    },
    // rentals
    'rentals.sweep': async () => {
      await sweepRentals(now());
    },
    // compliance
    'compliance.daily': async () => {
      await runComplianceDaily(complianceCtx(now()));
    },
  });
}
