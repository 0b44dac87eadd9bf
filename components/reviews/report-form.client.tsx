'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { reportReviewAction } from '@/lib/reviews/actions';

/**
 * "Report this review" with a reason, tucked in a disclosure (for provider fronts and panels).
 * After a report the page is refreshed so the list shows the review's new state; `label` names
 * the review for screen readers when several are listed.
 */
export function ReportReviewForm({ reviewId, label }: { reviewId: string; label?: string }) {
  const router = useRouter();
  const { formAction, pending, error, errorRef, values, fieldError, data } = useActionForm(reportReviewAction, {
    successMessage: 'Thanks — operations will look at this review',
    onSuccess: () => router.refresh(),
  });
  if (data) return <p className="text-sm text-muted" role="status">Reported. Operations will review it.</p>;
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-6 cursor-pointer items-center rounded-sm text-muted underline-offset-4 hover:underline">Report this review{label ? <span className="sr-only"> ({label})</span> : null}</summary>
      <form action={formAction} className="mt-2 grid gap-2" noValidate>
        <FormAlert message={error?.message} errorRef={errorRef} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <FormField label="Why should operations look at it?" name="reason" required error={fieldError('reason')}>
          <Input maxLength={500} defaultValue={values.reason ?? ''} />
        </FormField>
        <div>
          <Button type="submit" size="sm" variant="secondary" loading={pending}>
            Send report{label ? <span className="sr-only"> for {label}</span> : null}
          </Button>
        </div>
      </form>
    </details>
  );
}
