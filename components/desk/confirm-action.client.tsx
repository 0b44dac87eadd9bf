'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import type { ActionResult } from '@/lib/core/action';
import { useActionCall } from './use-action-call';

/** A button that opens a confirmation dialog and runs one server action (pending, toast, errors). */
export function ConfirmAction<I, T>({
  label,
  srLabel,
  title,
  description,
  confirmLabel,
  variant = 'primary',
  action,
  input,
  success,
  reasonField,
}: {
  label: ReactNode;
  /** Extra context for screen readers, e.g. the booking reference. */
  srLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  action: (input: I) => Promise<ActionResult<T>>;
  input: I;
  success: string;
  /** Adds an optional "reason" text box sent as `reason`. */
  reasonField?: string;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
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
        <Button size="sm" variant={variant === 'danger' ? 'secondary' : variant}>
          {label}
          {srLabel ? <span className="sr-only"> {srLabel}</span> : null}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {reasonField ? (
          <label className="grid gap-1 text-sm font-medium">
            {reasonField}
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={3}
              aria-invalid={call.error?.fieldErrors?.reason ? true : undefined}
              className="rounded-md border border-border bg-surface p-2 text-base"
            />
            {call.error?.fieldErrors?.reason ? <span className="text-sm text-danger">{call.error.fieldErrors.reason.join(', ')}</span> : null}
          </label>
        ) : null}
        <div id={call.errorId} tabIndex={-1} className="outline-none" aria-live="polite">
          <FormError message={call.error?.message} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Back</Button>
          </DialogClose>
          <Button
            variant={variant}
            disabled={call.pending}
            aria-busy={call.pending}
            onClick={() => call.run((reasonField ? { ...input, reason: reason.trim() || undefined } : input) as I, () => setOpen(false))}
          >
            {call.pending ? 'Working…' : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
