'use client';

import { useState, type ReactNode } from 'react';
import { useActionCall } from '@/components/desk/use-action-call';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import type { ActionResult } from '@/lib/core/action';
import { requestPayoutAction, runScheduledPayoutsAction } from '@/lib/finance/payout-actions';
import { formatMinor } from './format';

/** A button, a confirm dialog and one server action whose answer is told as it is (toast). */
function ConfirmCall<T>({
  trigger,
  variant = 'primary',
  title,
  description,
  confirmLabel,
  action,
  success,
}: {
  trigger: string;
  variant?: 'primary' | 'secondary';
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: (input: Record<string, never>) => Promise<ActionResult<T>>;
  success: (data: T) => string;
}) {
  const [open, setOpen] = useState(false);
  const call = useActionCall(action, success);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) call.clearError();
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant}>{trigger}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div id={call.errorId} tabIndex={-1} className="outline-none" aria-live="polite">
          <FormError message={call.error?.message} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Back</Button>
          </DialogClose>
          <Button disabled={call.pending} aria-busy={call.pending} onClick={() => call.run({}, () => setOpen(false))}>
            {call.pending ? 'Working…' : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** "Pay out now": the dialog states the exact amount and the destination account. */
export function PayOutNow({ amountMinor, currency, last4 }: { amountMinor: number; currency: string; last4: string }) {
  const amount = formatMinor(amountMinor, currency);
  return (
    <ConfirmCall
      trigger="Pay out now"
      title={`Pay out ${amount}?`}
      description={`Your whole payable ${currency} balance, ${amount}, goes to your bank account ending ${last4}. Banks usually show it within 1–2 working days.`}
      confirmLabel={`Pay out ${amount}`}
      action={requestPayoutAction}
      success={(p) =>
        p.status === 'paid' ? `${amount} paid out` : p.status === 'pending' ? `${amount} is on its way` : `Payout failed: ${p.failureReason ?? 'the bank refused it'}. The money is payable again.`
      }
    />
  );
}

/** Finance: run the payout schedule now (same rules and period keys as the hourly job). */
export function RunScheduledPayouts() {
  return (
    <ConfirmCall
      trigger="Run scheduled payouts now"
      variant="secondary"
      title="Run scheduled payouts now?"
      description="Every provider whose payout day it is in their own time zone, with a payable balance at or above their minimum, is paid out. Providers already paid for this period are skipped."
      confirmLabel="Run payouts"
      action={runScheduledPayoutsAction}
      success={(r) => `Scheduled payouts run: ${r.created} created, ${r.paid} paid, ${r.failed} failed${r.pending ? `, ${r.pending} on their way` : ''}.`}
    />
  );
}
