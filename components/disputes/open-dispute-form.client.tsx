'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { MIN_REASON_CHARS, RESPONSE_DAYS, reasonCodes, reasonLabels } from '@/lib/disputes/policy';
import { callApi } from './api';

/** Opens a dispute on a booking: reason, description and optional evidence (multipart). */
export function OpenDisputeForm({ bookingId, base }: { bookingId: string; base: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [reason, setReason] = useState('');
  return (
    <form
      className="grid max-w-2xl gap-4"
      onSubmit={(ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.currentTarget);
        fd.set('subjectKind', 'booking');
        fd.set('subjectId', bookingId);
        setError(null);
        start(async () => {
          const r = await callApi<{ disputeId: string }>('/api/v1/disputes', fd);
          if (!r.ok) {
            setError({ message: r.message, fieldErrors: r.fieldErrors });
            return;
          }
          router.push(`${base}/${r.data.disputeId}`);
        });
      }}
    >
      <FormField label="What went wrong?" name="reasonCode" required error={error?.fieldErrors.reasonCode}>
        <Select defaultValue="quality">
          {reasonCodes.map((c) => (
            <option key={c} value={c}>
              {reasonLabels[c]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        label="Describe the problem"
        name="reason"
        required
        description={`At least ${MIN_REASON_CHARS} characters (${reason.trim().length} so far).`}
        error={error?.fieldErrors.reason}
      >
        <Textarea rows={5} minLength={MIN_REASON_CHARS} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <FormField label="Note on the evidence (optional)" name="evidenceNote" error={error?.fieldErrors.evidenceNote}>
        <Input maxLength={2000} />
      </FormField>
      <FormField
        label="Evidence files (optional)"
        name="files"
        description="Photos (JPEG, PNG, WebP) or PDFs, up to 6."
        error={error?.fieldErrors.files ?? Object.entries(error?.fieldErrors ?? {}).find(([k]) => k.startsWith('files.'))?.[1]}
      >
        <Input type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" />
      </FormField>
      <p className="text-sm text-muted">The other party has {RESPONSE_DAYS} days to respond, then Fixnado operations review the dispute. The booking’s payment stays held until it is resolved.</p>
      {error ? <FormError message={error.message} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          Open dispute
        </Button>
      </div>
    </form>
  );
}
