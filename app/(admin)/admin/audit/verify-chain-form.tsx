'use client';

import { useRouter } from 'next/navigation';
import { CircleAlert, CircleCheck, ShieldCheck } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { verifyAuditAction, type VerifyAuditResult } from '@/lib/audit/actions';

const reasonLabels: Record<VerifyAuditResult['breaks'][number]['reason'], string> = {
  content_changed: 'Row changed after sealing',
  link_broken: 'Link to previous row broken',
  row_missing: 'Rows missing',
};

// A tampered log could report thousands of breaks; the first ones locate the damage.
const MAX_BREAKS_SHOWN = 100;

const count = new Intl.NumberFormat('en-GB');

export function VerifyChainForm() {
  const router = useRouter();
  const f = useActionForm(verifyAuditAction, {
    successMessage: (r) => (r.ok ? 'Audit chain verified' : 'Audit chain has breaks'),
    // Sealing flips Pending rows to Sealed: reload the table underneath.
    onSuccess: () => router.refresh(),
  });
  const report = f.error ? undefined : f.data;

  return (
    <div className="grid gap-4">
      <form action={f.formAction} className="grid gap-4">
        <FormAlert message={f.error?.message} errorRef={f.errorRef} />
        <div>
          <Button type="submit" loading={f.pending}>
            <ShieldCheck aria-hidden="true" />
            Verify the chain
          </Button>
        </div>
      </form>
      {/* Polite live region for the good news; a broken chain gets its own role="alert" panel. */}
      <div aria-live="polite">
        {report?.ok ? (
          <div className="flex items-start gap-2 rounded-md border border-success/40 bg-success-soft p-3 text-sm text-success-soft-fg high-contrast:border-2">
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <p>
              The chain is intact: {count.format(report.checked)} sealed {report.checked === 1 ? 'row' : 'rows'} checked
              {report.sealedNow > 0 ? `, ${count.format(report.sealedNow)} sealed just now` : ''}.
              {report.unsealed > 0
                ? ` ${count.format(report.unsealed)} newer ${report.unsealed === 1 ? 'row is' : 'rows are'} still pending and will be checked once sealed.`
                : ''}
            </p>
          </div>
        ) : null}
      </div>
      {report && !report.ok ? (
        <div
          role="alert"
          className="grid gap-2 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm text-danger-soft-fg high-contrast:border-2 high-contrast:border-danger"
        >
          <p className="flex items-start gap-2 font-semibold">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            The chain is broken in {count.format(report.breaks.length)} {report.breaks.length === 1 ? 'place' : 'places'} (
            {count.format(report.checked)} sealed rows checked). Rows may have been edited or deleted outside the app.
          </p>
          <ol className="grid gap-1 ps-6">
            {report.breaks.slice(0, MAX_BREAKS_SHOWN).map((b, i) => (
              <li key={`${b.chainPos}-${b.reason}-${i}`} className="list-decimal">
                <span className="font-medium">
                  Position {count.format(b.chainPos)}
                  {b.seq !== null ? ` (entry ${b.seq})` : ''} — {reasonLabels[b.reason]}:
                </span>{' '}
                {b.detail}
              </li>
            ))}
          </ol>
          {report.breaks.length > MAX_BREAKS_SHOWN ? (
            <p>…and {count.format(report.breaks.length - MAX_BREAKS_SHOWN)} more.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
