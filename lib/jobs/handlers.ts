import { sealAuditLog } from '@/lib/audit/seal';
import { deliverMail } from '@/lib/notifications/deliver-mail';
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
  });
}
