import { FileText } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { SubjectView } from '@/lib/compliance/queries';
import { daysUntil, docStateLabel, docStateTone, docStatusLabel, docStatusTone, formatDay } from './format';
import { UploadDocumentForm } from './upload-form.client';

/** How one required document stands, in words (colour is never the only signal). */
function stateNote(d: SubjectView['states'][number], today: string): string {
  if (d.state === 'valid') {
    const left = d.expiresOn ? daysUntil(d.expiresOn, today) : null;
    const soon = left !== null && left <= 30 ? ` — expires ${left <= 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`}` : '';
    return `Valid until ${formatDay(d.expiresOn)}${soon}${d.pendingDocumentId ? '. Your renewal is under review.' : ''}`;
  }
  if (d.state === 'under_review') return 'Waiting for review by Fixnado operations.';
  if (d.state === 'rejected') return `Rejected: ${d.rejectionReason ?? 'no reason given'}. Please upload a corrected document.`;
  if (d.state === 'expired') return 'Expired. Upload a current document.';
  return 'Not uploaded yet.';
}

/**
 * One subject's required documents (state, expiry, reason), an upload form and the submission
 * history with links to the files. Server component.
 */
export function SubjectPanel({
  view,
  today,
  headingLevel = 'h2',
  title,
  description,
  autoOpenUpload = true,
}: {
  view: SubjectView;
  today: string;
  headingLevel?: 'h2' | 'h3';
  title: string;
  description?: string;
  /** Unfold the upload form when something needs doing (off for long crew lists). */
  autoOpenUpload?: boolean;
}) {
  const prefix = `${view.subject.kind}-${view.subject.id.slice(0, 8)}`;
  const soonest = view.states.find((d) => d.state === 'valid' && d.expiresOn && daysUntil(d.expiresOn, today) <= 30);
  const toFix = view.states.find((d) => d.state !== 'valid' && d.state !== 'under_review');
  return (
    <Card>
      <CardHeader>
        <CardTitle as={headingLevel}>{title}</CardTitle>
        <CardDescription>
          {description ? `${description} ` : ''}
          {view.score}% of the required documents are valid.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ul className="grid gap-2" aria-label={`${title}: required documents`}>
          {view.states.map((d) => (
            <li key={d.docType} className="flex flex-col items-start gap-1 rounded-md border p-3 sm:flex-row sm:items-center sm:justify-between" data-testid={`doc-${d.docType}`}>
              <div className="min-w-0">
                <p className="font-medium">{d.label}</p>
                <p className="text-sm text-muted">{stateNote(d, today)}</p>
              </div>
              <Badge tone={d.state === 'valid' && d === soonest ? 'warning' : docStateTone[d.state]}>{docStateLabel[d.state]}</Badge>
            </li>
          ))}
        </ul>
        <details className="rounded-md border p-3" open={autoOpenUpload && (!!toFix || !!soonest)} data-testid={`upload-${view.subject.kind}`}>
          <summary className="min-h-6 cursor-pointer font-medium">Upload a document</summary>
          <div className="pt-3">
            <UploadDocumentForm
              subject={view.subject.kind}
              servicemanId={view.subject.kind === 'serviceman' ? view.subject.id : undefined}
              docTypes={view.states.map((d) => ({ value: d.docType, label: d.label }))}
              defaultDocType={(toFix ?? soonest)?.docType}
              idPrefix={prefix}
              title={`${title}: upload a document`}
            />
          </div>
        </details>
        {view.history.length ? (
          <div className="grid gap-2">
            <p className="text-sm font-semibold">Submitted documents</p>
            <ul className="grid gap-2 text-sm">
              {view.history.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={docStatusTone[h.status]}>{docStatusLabel[h.status]}</Badge>
                  <span className="font-medium">{h.label}</span>
                  <span className="text-muted">
                    No. {h.documentNumber} · {formatDay(h.issuedOn)} – {formatDay(h.expiresOn)}
                  </span>
                  <a href={h.fileUrl} target="_blank" rel="noopener" className="inline-flex min-h-6 items-center gap-1 text-link underline underline-offset-4">
                    <FileText aria-hidden="true" className="size-4" />
                    View file<span className="sr-only"> ({h.label}, {h.fileName})</span>
                  </a>
                  {h.status === 'rejected' && h.rejectionReason ? <span className="basis-full text-danger">Reason: {h.rejectionReason}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
