'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import { assignCrewAction } from '@/lib/bookings/actions';
import { useActionCall } from './use-action-call';

export interface CrewOption {
  id: string;
  name: string;
  canLead: boolean;
  skills: string[];
  /** When known (operations' list): free for the booking's whole window. */
  free?: boolean;
}

const optionLabel = (c: CrewOption) => (c.free === false ? `${c.name} (busy)` : c.free ? `${c.name} (free)` : c.name);

/**
 * The crew picker both dialogs use: a lead (those who can lead) and support checkboxes. Busy people
 * stay listed (marked) — the verb answers who is busy, and a dispatcher may know better.
 */
export function CrewPicker({
  crew,
  leadId,
  support,
  onLead,
  onSupport,
  leadError,
  supportError,
}: {
  crew: CrewOption[];
  leadId: string;
  support: string[];
  onLead: (id: string) => void;
  onSupport: (ids: string[]) => void;
  leadError?: string[];
  supportError?: string[];
}) {
  return (
    <div className="grid gap-4">
      <label className="grid gap-1 text-sm font-medium">
        Lead
        <select value={leadId} onChange={(e) => onLead(e.target.value)} aria-invalid={leadError ? true : undefined} className="h-10 rounded-md border border-border bg-surface px-2 text-base">
          <option value="">Choose the lead…</option>
          {crew
            .filter((c) => c.canLead)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {optionLabel(c)}
              </option>
            ))}
        </select>
        {leadError ? <span className="text-sm text-danger">{leadError.join(', ')}</span> : null}
      </label>
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Support (optional)</legend>
        {crew
          .filter((c) => c.id !== leadId)
          .map((c) => (
            <label key={c.id} className="flex min-h-6 items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-5"
                checked={support.includes(c.id)}
                onChange={(e) => onSupport(e.target.checked ? [...support, c.id] : support.filter((x) => x !== c.id))}
              />
              {optionLabel(c)}
            </label>
          ))}
        {supportError ? <span className="text-sm text-danger">{supportError.join(', ')}</span> : null}
      </fieldset>
    </div>
  );
}

/** Manual assign / reassign: a lead and optional support; the verb checks everyone is free. */
export function AssignDialog({ bookingId, reference, crew, current }: { bookingId: string; reference: string; crew: CrewOption[]; current: { servicemanId: string; role: string }[] }) {
  const [open, setOpen] = useState(false);
  const currentLead = current.find((c) => c.role === 'lead')?.servicemanId ?? '';
  const [leadId, setLeadId] = useState(currentLead);
  const [support, setSupport] = useState<string[]>(current.filter((c) => c.role === 'support').map((c) => c.servicemanId));
  const call = useActionCall(assignCrewAction, current.length ? `Crew changed for ${reference}` : `Crew assigned to ${reference}`);
  const leadError = call.error?.fieldErrors?.leadId;
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? null : call.clearError())}>
      <DialogTrigger asChild>
        <Button size="sm" variant={current.length ? 'secondary' : 'primary'}>
          {current.length ? 'Reassign' : 'Assign crew'}
          <span className="sr-only"> for {reference}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{current.length ? 'Reassign' : 'Assign'} crew for {reference}</DialogTitle>
          <DialogDescription>Everyone must be free for the whole job including buffers; otherwise you will be told who is busy.</DialogDescription>
        </DialogHeader>
        {crew.length === 0 ? (
          <p className="text-sm text-muted">You have no active crew members yet. Add or invite someone first.</p>
        ) : (
          <CrewPicker crew={crew} leadId={leadId} support={support} onLead={setLeadId} onSupport={setSupport} leadError={leadError} supportError={call.error?.fieldErrors?.supportIds} />
        )}
        <div id={call.errorId} tabIndex={-1} className="outline-none" aria-live="polite">
          <FormError message={call.error?.message} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Back</Button>
          </DialogClose>
          <Button
            disabled={call.pending || !leadId}
            aria-busy={call.pending}
            onClick={() => call.run({ bookingId, leadId, supportIds: support.filter((s) => s !== leadId) }, () => setOpen(false))}
          >
            {call.pending ? 'Saving…' : 'Save crew'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
