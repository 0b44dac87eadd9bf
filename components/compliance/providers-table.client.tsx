'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Building2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { EmptyState } from '@/components/ui/states';
import { Textarea } from '@/components/ui/textarea';
import { callComplianceApi, newIdempotencyKey } from './api';
import { formatDay, sellerLabel, sellerTone } from './format';

export interface ProviderTableRow {
  orgId: string;
  name: string;
  status: 'approved' | 'pending_documents' | 'suspended';
  score: number;
  suspensionReason: string | null;
  suspendedAtText: string | null;
  underReview: number;
  nextExpiresOn: string | null;
}

/** Suspend (with a reason) or reinstate (with a note) one provider, in a dialog. */
function SuspensionAction({ row }: { row: ProviderTableRow }) {
  const router = useRouter();
  const suspend = row.status !== 'suspended';
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [pending, start] = useTransition();
  const [key, setKey] = useState(newIdempotencyKey);
  const field = suspend ? 'reason' : 'note';
  const confirm = () => {
    setError(null);
    start(async () => {
      const r = await callComplianceApi(`/api/v1/compliance/providers/${row.orgId}/${suspend ? 'suspend' : 'reinstate'}`, { [field]: text }, key);
      if (!r.ok) {
        setError({ message: r.message, fieldErrors: r.fieldErrors });
        setKey(newIdempotencyKey());
        return;
      }
      const { toast } = await import('@/components/ui/toast');
      toast.success(`${row.name} ${suspend ? 'suspended' : 'reinstated'}.`);
      setOpen(false);
      setText('');
      setKey(newIdempotencyKey());
      router.refresh();
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={suspend ? 'secondary' : 'primary'} size="sm">
          {suspend ? 'Suspend' : 'Reinstate'}
          <span className="sr-only"> {row.name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>
            {suspend ? 'Suspend' : 'Reinstate'} {row.name}?
          </DialogTitle>
          <DialogDescription>
            {suspend
              ? 'Their listings disappear from the marketplace at once and stay hidden, whatever documents arrive, until you reinstate them. The provider sees your reason.'
              : 'Their status falls back to what their documents say. The provider sees your note.'}
          </DialogDescription>
        </DialogHeader>
        <FormField label={suspend ? 'Reason' : 'Note'} name={field} required error={error?.fieldErrors[field]} id={`${field}-${row.orgId}`}>
          <Textarea rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
        </FormField>
        {error ? <FormError message={error.message} /> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant={suspend ? 'danger' : 'primary'} loading={pending} onClick={confirm}>
            {suspend ? 'Suspend provider' : 'Reinstate provider'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

const lapsable = [
  ['insurance_certificate', 'Insurance certificate'],
  ['public_liability', 'Public liability insurance'],
  ['identity', 'Proof of identity'],
] as const;

/**
 * Records that a valid document ended before its printed expiry (the insurer cancelled the cover):
 * the seller drops out of the marketplace at once, exactly as on the expiry date.
 */
function LapseAction({ row }: { row: ProviderTableRow }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [docType, setDocType] = useState<(typeof lapsable)[number][0]>('insurance_certificate');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [pending, start] = useTransition();
  const [key, setKey] = useState(newIdempotencyKey);
  const confirm = () => {
    setError(null);
    start(async () => {
      const r = await callComplianceApi(`/api/v1/compliance/providers/${row.orgId}/lapse`, { docType, reason }, key);
      setKey(newIdempotencyKey());
      if (!r.ok) {
        setError({ message: r.message, fieldErrors: r.fieldErrors });
        return;
      }
      const { toast } = await import('@/components/ui/toast');
      toast.success(`${row.name}: document marked as lapsed.`);
      setOpen(false);
      setReason('');
      router.refresh();
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          Mark lapsed<span className="sr-only"> document of {row.name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>A document of {row.name} ended early?</DialogTitle>
          <DialogDescription>
            Use this when, for example, the insurer tells us the policy was cancelled. The document counts as expired from now: the seller loses the badge and its
            listings leave the marketplace until a new document is approved. The provider sees your reason.
          </DialogDescription>
        </DialogHeader>
        <FormField label="Document" name="docType" required error={error?.fieldErrors.docType} id={`lapse-type-${row.orgId}`}>
          <Select
            value={docType}
            onChange={(e) => setDocType(e.target.value as (typeof lapsable)[number][0])}
          >
            {lapsable.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Reason" name="reason" required error={error?.fieldErrors.reason} id={`lapse-reason-${row.orgId}`}>
          <Textarea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
        {error ? <FormError message={error.message} /> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" loading={pending} onClick={confirm}>
            Mark as lapsed
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Every provider business with its derived seller status, score and suspension controls. */
export function ProvidersTable({ rows }: { rows: ProviderTableRow[] }) {
  return (
    <DataTable
      caption="Providers and their compliance"
      captionHidden
      rows={rows}
      getRowId={(r) => r.orgId}
      empty={<EmptyState icon={<Building2 aria-hidden="true" />} title="No providers match" description="Change the search to see more." />}
      columns={[
        { key: 'name', header: 'Provider', rowHeader: true, sortable: true },
        {
          key: 'status',
          header: 'Status',
          sortable: true,
          csv: (r) => r.status,
          cell: (r) => (
            <div className="grid justify-items-start gap-1">
              <Badge tone={sellerTone[r.status]}>{sellerLabel[r.status]}</Badge>
              {r.suspensionReason ? (
                <span className="max-w-xs text-xs whitespace-normal text-muted">
                  {r.suspendedAtText}: {r.suspensionReason}
                </span>
              ) : null}
            </div>
          ),
        },
        { key: 'score', header: 'Score', align: 'end', sortable: true, sortValue: (r) => r.score, csv: (r) => r.score, cell: (r) => `${r.score}%` },
        { key: 'nextExpiresOn', header: 'Next expiry', sortable: true, sortValue: (r) => r.nextExpiresOn ?? '9999', csv: (r) => r.nextExpiresOn, cell: (r) => formatDay(r.nextExpiresOn) },
        { key: 'underReview', header: 'Under review', align: 'end', sortable: true, sortValue: (r) => r.underReview, csv: (r) => r.underReview, cell: (r) => r.underReview },
        { key: 'actions', header: 'Actions', csv: false, cell: (r) => (
            <div className="flex flex-wrap gap-1">
              <SuspensionAction row={r} />
              {r.status === 'approved' ? <LapseAction row={r} /> : null}
            </div>
          ),
        },
      ]}
    />
  );
}
