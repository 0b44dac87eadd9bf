'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, useTransition } from 'react';
import { FileText, Paperclip } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { formatMajor, parseMajor } from '@/lib/core/money';
import { MIN_REASON_CHARS, outcomes, refundFor, type Outcome } from '@/lib/disputes/policy';
import type { DisputeDetailWire } from '@/lib/disputes/wire';
import { callApi } from './api';
import { disputeStatusLabel, disputeTone, eventLabel, formatWhen, outcomeLabel, partyLabel, reasonLabel } from './format';

export type Viewer = 'customer' | 'provider' | 'operations';
type Errors = { message: string; fieldErrors: Record<string, string[]> } | null;

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<Errors>(null);
  const run = (fn: () => Promise<{ ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[]> }>, success: string, after?: () => void) => {
    setError(null);
    start(async () => {
      const r = await fn();
      const { toast } = await import('@/components/ui/toast');
      if (!r.ok) {
        setError({ message: r.message, fieldErrors: r.fieldErrors });
        return;
      }
      toast.success(success);
      after?.();
      router.refresh();
    });
  };
  return { pending, error, run };
}

/** One dispute as its viewer sees it: summary, outcome, timeline, evidence and the actions open to them. */
export function DisputeView({ d, viewer, me, now }: { d: DisputeDetailWire; viewer: Viewer; me: string; now: number }) {
  const side = viewer === 'operations' ? null : viewer;
  const isOpener = side !== null && side === d.openedByParty;
  const live = ['awaiting_response', 'under_review', 'appealed'].includes(d.status);
  const canRespond = side !== null && !isOpener && d.status === 'awaiting_response' && new Date(d.responseDueAt).getTime() > now;
  const canAddEvidence = d.status !== 'resolved' && d.status !== 'withdrawn';
  const canWithdraw = isOpener && (d.status === 'awaiting_response' || d.status === 'under_review');
  const canAppeal = side !== null && d.status === 'resolved' && d.appealCount === 0 && !!d.appealClosesAt && new Date(d.appealClosesAt).getTime() > now;
  const canResolve = viewer === 'operations' && (d.status === 'under_review' || d.status === 'appealed');
  const firstResolverBlocked = viewer === 'operations' && d.status === 'appealed' && d.firstResolvedBy === me;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="grid content-start gap-6">
        <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="dispute-summary">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="dispute-summary" className="text-base font-semibold">
              Summary
            </h2>
            <Badge tone={disputeTone(d.status)} data-testid="dispute-status">
              {disputeStatusLabel(d.status)}
            </Badge>
          </div>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Item label="Reason">{reasonLabel(d.reasonCode)}</Item>
            <Item label="Opened by">{partyLabel(d.openedByParty)}</Item>
            <Item label={d.subjectKind === 'rental' ? 'Rental' : 'Booking'}>
              {d.bookingReference ?? '—'}
              {d.bookingStatus ? ` (${d.bookingStatus.replace(/_/g, ' ')})` : ''}
            </Item>
            <Item label="Amount in dispute">{formatMinor(d.amountMinor, d.currency)}</Item>
            <Item label="Customer">{d.customerName}</Item>
            <Item label="Provider">{d.providerName}</Item>
            {d.status === 'awaiting_response' ? <Item label="Response due">{formatWhen(d.responseDueAt)}</Item> : null}
          </dl>
          <p className="whitespace-pre-line break-words text-sm">{d.reason}</p>
          {d.response ? (
            <blockquote className="border-l-2 border-border pl-3 text-sm">
              <p className="font-medium">Response from the {d.openedByParty === 'customer' ? 'provider' : 'customer'}</p>
              <p className="whitespace-pre-line break-words">{d.response}</p>
            </blockquote>
          ) : null}
        </section>

        {d.outcome ? (
          <section className="grid gap-2 rounded-lg border bg-surface p-4" aria-labelledby="dispute-outcome" data-testid="dispute-outcome">
            <h2 id="dispute-outcome" className="text-base font-semibold">
              {d.status === 'appealed' ? 'Decision under appeal' : 'Outcome'}
            </h2>
            <p className="text-sm">
              <span className="font-medium">{outcomeLabel(d.outcome)}</span>
              {d.refundMinor ? (
                <>
                  {' '}
                  · refund to the customer <span data-testid="dispute-refund">{formatMinor(d.refundMinor, d.currency)}</span>
                </>
              ) : null}
            </p>
            {d.resolutionNote ? <p className="whitespace-pre-line break-words text-sm text-muted">{d.resolutionNote}</p> : null}
            {d.appealClosesAt && d.status === 'resolved' ? <p className="text-sm text-muted">An appeal is possible until {formatWhen(d.appealClosesAt)}.</p> : null}
          </section>
        ) : null}

        <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="dispute-timeline">
          <h2 id="dispute-timeline" className="text-base font-semibold">
            Timeline
          </h2>
          <ol className="grid gap-3 border-s ps-4" data-testid="dispute-timeline">
            {d.events.map((e) => (
              <li key={e.id} className="grid gap-0.5 text-sm">
                <span className="font-medium">
                  {eventLabel(e.kind)}
                  {e.internal ? (
                    <Badge tone="neutral" className="ms-2">
                      Internal
                    </Badge>
                  ) : null}
                </span>
                <span className="text-muted">
                  {formatWhen(e.at)} · {partyLabel(e.party)}
                  {e.actorName ? ` (${e.actorName})` : ''}
                </span>
                {e.note && e.kind !== 'opened' ? <span className="whitespace-pre-line break-words">{e.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>

        <Evidence d={d} viewer={viewer} canAdd={canAddEvidence} />
      </div>

      <div className="grid content-start gap-6">
        {canRespond ? <RespondForm id={d.id} /> : null}
        {viewer === 'operations' && d.status === 'awaiting_response' ? <StartReview id={d.id} /> : null}
        {canResolve ? firstResolverBlocked ? <p className="rounded-lg border bg-surface p-4 text-sm">You resolved this dispute first: the appeal must be decided by another operations user.</p> : <ResolveForm d={d} /> : null}
        {canAppeal ? <AppealForm id={d.id} /> : null}
        {canWithdraw ? <WithdrawForm id={d.id} /> : null}
        {!live && !canAppeal && viewer !== 'operations' ? <p className="text-sm text-muted">This dispute is closed.</p> : null}
      </div>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}

function Panel({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby={id}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Evidence({ d, viewer, canAdd }: { d: DisputeDetailWire; viewer: Viewer; canAdd: boolean }) {
  const { pending, error, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const toggle = (evidenceId: string, internal: boolean) =>
    run(() => callApi(`/api/v1/disputes/${d.id}/evidence/${evidenceId}/internal`, { internal }), internal ? 'Hidden from the parties.' : 'Shared with the parties.');
  return (
    <Panel title="Evidence" id="dispute-evidence">
      {d.evidence.length === 0 ? (
        <p className="text-sm text-muted">No evidence yet.</p>
      ) : (
        <ul className="grid gap-2" data-testid="dispute-evidence">
          {d.evidence.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 rounded-md border p-2 text-sm">
              <div className="grid min-w-0 gap-0.5">
                <span className="text-muted">
                  {partyLabel(e.party)} · {formatWhen(e.createdAt)}
                  {e.internal ? (
                    <Badge tone="warning" className="ms-2">
                      Internal
                    </Badge>
                  ) : null}
                </span>
                {e.file ? (
                  <a href={`/api/v1/disputes/${d.id}/evidence/${e.id}`} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 break-all text-link underline underline-offset-4">
                    {e.file.contentType === 'application/pdf' ? <FileText aria-hidden="true" className="size-4" /> : <Paperclip aria-hidden="true" className="size-4" />}
                    {e.file.name}
                  </a>
                ) : null}
                {e.note ? <span className="whitespace-pre-line break-words">{e.note}</span> : null}
              </div>
              {viewer === 'operations' ? (
                <Button size="sm" variant="secondary" disabled={pending} onClick={() => toggle(e.id, !e.internal)}>
                  {e.internal ? 'Share with parties' : 'Mark internal'}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form
          ref={form}
          className="grid gap-3"
          onSubmit={(ev) => {
            ev.preventDefault();
            const fd = new FormData(ev.currentTarget);
            run(() => callApi(`/api/v1/disputes/${d.id}/evidence`, fd), 'Evidence added.', () => form.current?.reset());
          }}
        >
          <FormField label="Note" name="note" error={error?.fieldErrors.note}>
            <Textarea rows={2} maxLength={2000} />
          </FormField>
          <FormField label="Files (images or PDF, up to 6)" name="files" error={error?.fieldErrors.files ?? Object.entries(error?.fieldErrors ?? {}).find(([k]) => k.startsWith('files.'))?.[1]}>
            <Input type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" />
          </FormField>
          {error && !Object.keys(error.fieldErrors).length ? <FormError message={error.message} /> : null}
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              Add evidence
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}

function RespondForm({ id }: { id: string }) {
  const { pending, error, run } = useAction();
  return (
    <Panel title="Respond" id="dispute-respond">
      <form
        className="grid gap-3"
        onSubmit={(ev) => {
          ev.preventDefault();
          run(() => callApi(`/api/v1/disputes/${id}/respond`, new FormData(ev.currentTarget)), 'Response sent. Operations will review the dispute.');
        }}
      >
        <FormField label="Your response" name="response" required error={error?.fieldErrors.response}>
          <Textarea rows={4} minLength={10} maxLength={4000} />
        </FormField>
        <FormField label="Evidence files (optional)" name="files" error={error?.fieldErrors.files}>
          <Input type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" />
        </FormField>
        {error ? <FormError message={error.message} /> : null}
        <Button type="submit" disabled={pending}>
          Send response
        </Button>
      </form>
    </Panel>
  );
}

function StartReview({ id }: { id: string }) {
  const { pending, error, run } = useAction();
  return (
    <Panel title="Review" id="dispute-start-review">
      <p className="text-sm text-muted">Start the review now instead of waiting for the response deadline.</p>
      {error ? <FormError message={error.message} /> : null}
      <Button disabled={pending} onClick={() => run(() => callApi('/api/v1/disputes/review', { disputeIds: [id] }), 'Review started.')}>
        Start review
      </Button>
    </Panel>
  );
}

function ResolveForm({ d }: { d: DisputeDetailWire }) {
  const { pending, error, run } = useAction();
  const [outcome, setOutcome] = useState<Outcome>('partial_refund');
  const [amount, setAmount] = useState('');
  // One key per form instance: a double submit resolves once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // Live validation in the booking currency, with the same rule the server applies.
  const check = useMemo(() => {
    if (outcome !== 'partial_refund') return { minor: null as bigint | null, error: null as string | null };
    if (!amount.trim()) return { minor: null, error: 'Enter the refund amount.' };
    try {
      const minor = parseMajor(amount, d.currency);
      const r = refundFor('partial_refund', BigInt(d.amountMinor), minor);
      return 'error' in r ? { minor, error: `The refund must be more than 0 and less than ${formatMinor(d.amountMinor, d.currency)}.` } : { minor, error: null };
    } catch (e) {
      return { minor: null, error: (e as Error).message };
    }
  }, [amount, outcome, d.amountMinor, d.currency]);
  return (
    <Panel title={d.status === 'appealed' ? 'Decide the appeal' : 'Resolve'} id="dispute-resolve">
      <form
        className="grid gap-3"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          if (check.error) return;
          const note = String(new FormData(ev.currentTarget).get('note') ?? '');
          run(
            () =>
              callApi(
                `/api/v1/disputes/${d.id}/resolve`,
                { outcome, note, ...(outcome === 'partial_refund' && check.minor !== null ? { refundMinor: check.minor.toString() } : {}) },
                { 'idempotency-key': idempotencyKey },
              ),
            'Dispute resolved.',
          );
        }}
      >
        <FormField label="Outcome" name="outcome" error={error?.fieldErrors.outcome}>
          <Select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </Select>
        </FormField>
        {outcome === 'partial_refund' ? (
          <FormField
            label={`Refund amount (${d.currency})`}
            name="refund"
            description={`Less than ${formatMinor(d.amountMinor, d.currency)}, e.g. ${formatMajor(BigInt(Math.floor(d.amountMinor / 2)), d.currency)}`}
            error={amount ? (check.error ?? error?.fieldErrors.refundMinor) : error?.fieldErrors.refundMinor}
          >
            <Input inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </FormField>
        ) : (
          <p className="text-sm text-muted">{outcome === 'full_refund' ? `The customer gets ${formatMinor(d.amountMinor, d.currency)} back and the booking is cancelled.` : 'Nothing is refunded; the provider’s share is released.'}</p>
        )}
        <FormField label="Note to both parties" name="note" required error={error?.fieldErrors.note}>
          <Textarea rows={3} minLength={5} maxLength={4000} />
        </FormField>
        {error ? <FormError message={error.message} /> : null}
        <Button type="submit" disabled={pending || !!check.error}>
          Resolve dispute
        </Button>
      </form>
    </Panel>
  );
}

function AppealForm({ id }: { id: string }) {
  const { pending, error, run } = useAction();
  return (
    <Panel title="Appeal" id="dispute-appeal">
      <p className="text-sm text-muted">One appeal is possible. Another member of the operations team decides it.</p>
      <form
        className="grid gap-3"
        onSubmit={(ev) => {
          ev.preventDefault();
          run(() => callApi(`/api/v1/disputes/${id}/appeal`, { reason: String(new FormData(ev.currentTarget).get('reason') ?? '') }), 'Appeal sent.');
        }}
      >
        <FormField label="Why should the decision change?" name="reason" required error={error?.fieldErrors.reason}>
          <Textarea rows={3} minLength={MIN_REASON_CHARS} maxLength={4000} />
        </FormField>
        {error ? <FormError message={error.message} /> : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          Appeal the decision
        </Button>
      </form>
    </Panel>
  );
}

function WithdrawForm({ id }: { id: string }) {
  const { pending, error, run } = useAction();
  return (
    <Panel title="Withdraw" id="dispute-withdraw">
      <p className="text-sm text-muted">Withdrawing closes the dispute; the booking returns to where it was.</p>
      {error ? <FormError message={error.message} /> : null}
      <Button variant="secondary" disabled={pending} onClick={() => run(() => callApi(`/api/v1/disputes/${id}/withdraw`, {}), 'Dispute withdrawn.')}>
        Withdraw dispute
      </Button>
    </Panel>
  );
}
