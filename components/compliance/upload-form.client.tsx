'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { callComplianceApi, newIdempotencyKey } from './api';

export interface UploadFormProps {
  subject: 'provider' | 'serviceman' | 'renter';
  servicemanId?: string;
  docTypes: Array<{ value: string; label: string }>;
  defaultDocType?: string;
  /** Distinguishes several forms on one page (field ids). */
  idPrefix: string;
  title?: string;
}

/**
 * Uploads one document (multipart to POST /api/v1/compliance/documents). The Idempotency-Key is kept
 * across retries of the same submission and renewed after a success, so a double click or a
 * retried request never files the document twice.
 */
export function UploadDocumentForm({ subject, servicemanId, docTypes, defaultDocType, idPrefix, title = 'Upload a document' }: UploadFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const keyRef = useRef<string | null>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const fe = error?.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      aria-label={title}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.currentTarget);
        fd.set('subject', subject);
        if (servicemanId) fd.set('servicemanId', servicemanId);
        keyRef.current ??= newIdempotencyKey();
        setError(null);
        start(async () => {
          const r = await callComplianceApi<{ documentId: string }>('/api/v1/compliance/documents', fd, keyRef.current!);
          if (!r.ok) {
            setError({ message: r.message, fieldErrors: r.fieldErrors });
            // A refused request stored nothing: the next attempt may reuse the key safely, but a
            // changed form is a new request, so start a new key.
            keyRef.current = null;
            return;
          }
          keyRef.current = null;
          formRef.current?.reset();
          const { toast } = await import('@/components/ui/toast');
          toast.success('Document sent for review. We will let you know when it is checked.');
          router.refresh();
        });
      }}
    >
      <FormField label="Document type" name="docType" required error={fe.docType} id={`${idPrefix}-docType`}>
        <Select defaultValue={defaultDocType ?? docTypes[0]?.value}>
          {docTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Certificate or document number" name="documentNumber" required error={fe.documentNumber} id={`${idPrefix}-documentNumber`}>
        <Input maxLength={80} autoComplete="off" />
      </FormField>
      <FormField label="Issued on" name="issuedOn" required error={fe.issuedOn} id={`${idPrefix}-issuedOn`}>
        <Input type="date" />
      </FormField>
      <FormField label="Expires on" name="expiresOn" required error={fe.expiresOn} id={`${idPrefix}-expiresOn`} description="Must be after the issue date and not already past.">
        <Input type="date" />
      </FormField>
      <FormField
        label="File"
        name="file"
        required
        className="sm:col-span-2"
        error={fe.file}
        id={`${idPrefix}-file`}
        description="A PDF (up to 20 MB) or a photo — JPEG, PNG or WebP (up to 10 MB)."
      >
        <Input type="file" accept="application/pdf,image/jpeg,image/png,image/webp" />
      </FormField>
      {error ? <FormError className="sm:col-span-2" message={error.message} /> : null}
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending}>
          <Upload aria-hidden="true" />
          Send for review
        </Button>
      </div>
    </form>
  );
}
