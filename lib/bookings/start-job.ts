import { captureBookingPayment } from '@/lib/finance/booking-money';
import { addDeadline, moveStatus, resolveDeadlines, zoneSla, type BookingRow, type TxCtx } from './internal';
import { completionDueAt } from './policy';

/**
 * The crew is on site: → in_progress, the arrival SLA is met (a breach already recorded stays
 * recorded), the completion SLA starts, and the held payment is captured into escrow (DOMAIN.md
 * "Money": hold at booking → capture → escrow while the job runs).
 */
export async function startJob(c: TxCtx, b: BookingRow, note = 'checked in'): Promise<BookingRow> {
  const row = await moveStatus(c, b, 'in_progress', { note, set: { startedAt: c.now } });
  await resolveDeadlines(c.tx, b.id, ['arrival_sla'], 'met', c.now);
  const sla = await zoneSla(c.tx, b.zoneId);
  await addDeadline(c.tx, b.id, 'completion_sla', completionDueAt(c.now, b.durationMinutes, sla));
  await captureBookingPayment(c, b.id);
  return row;
}
