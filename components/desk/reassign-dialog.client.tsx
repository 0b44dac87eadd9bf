'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { reassignCandidatesAction, reassignCrewAction } from '@/lib/bookings/actions';
import type { ReassignCandidates } from '@/lib/bookings/reassign-crew';
import { CrewPicker } from './assign-dialog.client';
import { formatInZone } from './format';
import { useActionCall } from './use-action-call';

/**
 * Operations' reassign from the SLA board: the booking's provider's crew (loaded when the dialog
 * opens, each marked free or busy for the window) and a required reason for the timeline and audit.
 */
export function ReassignDialog({ bookingId, reference }: { bookingId: string; reference: string }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<ReassignCandidates | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [leadId, setLeadId] = useState('');
  const [support, setSupport] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const call = useActionCall(reassignCrewAction, `Crew reassigned for ${reference}`);

  function load() {
    setLoadError(null);
    startLoading(async () => {
      try {
        const res = await reassignCandidatesAction({ bookingId });
        if (!res.ok) {
          setLoadError(res.error.message);
          return;
        }
        setData(res.data);
        setLeadId(res.data.candidates.find((c) => c.current === 'lead')?.id ?? '');
        setSupport(res.data.candidates.filter((c) => c.current === 'support').map((c) => c.id));
      } catch {
        setLoadError('The crew list did not load. Check your connection and try again.');
      }
    });
  }

  const reasonError = call.error?.fieldErrors?.reason;
  const reasonId = `reason-${bookingId}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) load();
        else call.clearError();
      }}
    >
      <DialogTrigger asChild>
        {/* relative: the screen-reader text stays inside the table's scroll area instead of widening the page. */}
        <Button size="sm" variant="secondary" className="relative">
          Reassign<span className="sr-only"> crew for {reference}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Reassign crew for {reference}</DialogTitle>
          <DialogDescription>
            {data
              ? `${data.serviceTitle} · ${data.providerName}${data.startsAt ? ` · ${formatInZone(data.startsAt, data.timeZone)}` : ' · on demand (from now)'}. Only this provider's crew can take it; the old crew, the new crew and the customer are told.`
              : "Only the booking's provider's crew can take it; the old crew, the new crew and the customer are told."}
          </DialogDescription>
        </DialogHeader>
        {loading && !data ? <p className="text-sm text-muted" role="status">Loading the crew…</p> : null}
        {loadError ? (
          <div className="grid gap-2">
            <FormError message={loadError} />
            <Button size="sm" variant="secondary" onClick={load} className="justify-self-start">
              Try again
            </Button>
          </div>
        ) : null}
        {data ? (
          data.candidates.length === 0 ? (
            <p className="text-sm text-muted">This provider has no active crew with the skill for this service. Contact the provider.</p>
          ) : (
            <div className="grid gap-4">
              <p className="text-sm text-muted">
                Crew size {data.crewSize} (lead included). Marked busy: working elsewhere, off or outside their hours for this window.
              </p>
              <CrewPicker
                crew={data.candidates.map((c) => ({ id: c.id, name: c.name, canLead: c.canLead, skills: [], free: c.free }))}
                leadId={leadId}
                support={support}
                onLead={setLeadId}
                onSupport={setSupport}
                leadError={call.error?.fieldErrors?.leadId}
                supportError={call.error?.fieldErrors?.supportIds}
              />
              <label htmlFor={reasonId} className="grid gap-1 text-sm font-medium">
                Reason (shown on the booking timeline)
                <Textarea
                  id={reasonId}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={3}
                  maxLength={500}
                  required
                  aria-invalid={reasonError ? true : undefined}
                  placeholder="e.g. Arrival SLA at risk: the lead is stuck on another job"
                />
                {reasonError ? <span className="text-sm text-danger">{reasonError.join(', ')}</span> : null}
              </label>
            </div>
          )
        ) : null}
        <div id={call.errorId} tabIndex={-1} className="outline-none" aria-live="polite">
          <FormError message={call.error?.message} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Back</Button>
          </DialogClose>
          <Button
            disabled={call.pending || !data || !leadId || reason.trim().length < 3}
            aria-busy={call.pending}
            onClick={() => call.run({ bookingId, leadId, supportIds: support.filter((s) => s !== leadId), reason }, () => setOpen(false))}
          >
            {call.pending ? 'Saving…' : 'Reassign crew'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
