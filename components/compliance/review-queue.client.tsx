'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Check, FileText, ShieldCheck, X } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { EmptyState } from '@/components/ui/states';
import { Textarea } from '@/components/ui/textarea';
import { callComplianceApi, newIdempotencyKey } from './api';
import { docStatusLabel, docStatusTone, formatDay, sellerLabel, sellerTone } from './format';

export interface QueueRow {
  id: string;
  label: string;
  documentNumber: string;
  issuedOn: string;
  expiresOn: string;
  fileUrl: string;
  fileName: string;
  submittedAtText: string;
  subject: { kind: 'provider' | 'serviceman' | 'renter'; name: string; businessName: string | null };
  subjectStatus: { status: string; score: number };
  lastDecisions: Array<{ id: string; label: string; status: string; reviewedAtText: string | null; rejectionReason: string | null }>;
}

const kindLabel = { provider: 'Business', serviceman: 'Crew member', renter: 'Renter' } as const;

function QueueCard({ row }: { row: QueueRow }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [key] = useState(newIdempotencyKey);
  const decide = (action: 'approve' | 'reject') => {
    setError(null);
    start(async () => {
      const r = await callComplianceApi(`/api/v1/compliance/documents/${row.id}/${action}`, action === 'reject' ? { reason } : {}, `${key}-${action}`);
      if (!r.ok) {
        setError({ message: r.message, fieldErrors: r.fieldErrors });
        return;
      }
      const { toast } = await import('@/components/ui/toast');
      toast.success(`${row.label} for ${row.subject.name} ${action === 'approve' ? 'approved' : 'rejected'}.`);
      router.refresh();
    });
  };
  const headingId = `queue-${row.id}`;
  return (
    <li>
      <Card aria-labelledby={headingId} data-testid="queue-item">
        <CardContent className="grid gap-3 pt-5">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold break-words">
                {row.label} · {row.subject.name}
              </h3>
              <p className="text-sm text-muted">
                {kindLabel[row.subject.kind]}
                {row.subject.businessName && row.subject.kind !== 'provider' ? ` of ${row.subject.businessName}` : ''} · submitted {row.submittedAtText}
              </p>
            </div>
            <Badge tone={sellerTone[row.subjectStatus.status] ?? 'neutral'}>
              {sellerLabel[row.subjectStatus.status] ?? row.subjectStatus.status} · {row.subjectStatus.score}%
            </Badge>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Number</dt>
            <dd className="break-all">{row.documentNumber}</dd>
            <dt className="text-muted">Issued</dt>
            <dd>{formatDay(row.issuedOn)}</dd>
            <dt className="text-muted">Expires</dt>
            <dd>{formatDay(row.expiresOn)}</dd>
            <dt className="text-muted">File</dt>
            <dd>
              <a href={row.fileUrl} target="_blank" rel="noopener" className="inline-flex min-h-6 items-center gap-1 text-link underline underline-offset-4">
                <FileText aria-hidden="true" className="size-4" />
                {row.fileName}
              </a>
            </dd>
          </dl>
          {row.lastDecisions.length ? (
            <div className="text-sm">
              <p className="font-medium">Last decisions</p>
              <ul className="mt-1 grid gap-1">
                {row.lastDecisions.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center gap-2">
                    <Badge tone={docStatusTone[d.status] ?? 'neutral'}>{docStatusLabel[d.status] ?? d.status}</Badge>
                    <span>{d.label}</span>
                    {d.reviewedAtText ? <span className="text-muted">{d.reviewedAtText}</span> : null}
                    {d.rejectionReason ? <span className="basis-full text-muted">“{d.rejectionReason}”</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {rejecting ? (
            <FormField label="Reason for rejecting (the submitter reads this)" name="reason" required error={error?.fieldErrors.reason} id={`reason-${row.id}`}>
              <Textarea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            </FormField>
          ) : null}
          {error ? <FormError message={error.message} /> : null}
          <div className="flex flex-wrap gap-2">
            {rejecting ? (
              <>
                <Button variant="danger" size="sm" loading={pending} onClick={() => decide('reject')}>
                  <X aria-hidden="true" />
                  Confirm rejection
                </Button>
                <Button variant="secondary" size="sm" disabled={pending} onClick={() => setRejecting(false)}>
                  Cancel
                </Button>
              </>
            ) : (
              <>
                <Button size="sm" loading={pending} onClick={() => decide('approve')}>
                  <Check aria-hidden="true" />
                  Approve<span className="sr-only"> {row.label} for {row.subject.name}</span>
                </Button>
                <Button variant="secondary" size="sm" disabled={pending} onClick={() => setRejecting(true)}>
                  <X aria-hidden="true" />
                  Reject<span className="sr-only"> {row.label} for {row.subject.name}</span>
                </Button>
              </>
            )}
          </div>
        </CardContent>
      </Card>
    </li>
  );
}

/** The operations review queue, oldest first; each card approves or rejects (with a reason). */
export function ReviewQueue({ rows }: { rows: QueueRow[] }) {
  if (!rows.length) return <EmptyState icon={<ShieldCheck aria-hidden="true" />} title="Nothing to review" description="Submitted documents appear here, oldest first." />;
  return (
    <ol className="grid gap-3" aria-label="Documents waiting for review, oldest first">
      {rows.map((r) => (
        <QueueCard key={r.id} row={r} />
      ))}
    </ol>
  );
}
