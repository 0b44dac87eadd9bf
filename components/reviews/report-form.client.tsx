'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { reportReviewAction } from '@/lib/reviews/actions';

/** "Report this review" with a reason, tucked in a disclosure (for provider fronts and panels). */
export function ReportReviewForm({ reviewId }: { reviewId: string }) {
  const { formAction, pending, error, errorRef, values, fieldError, data } = useActionForm(reportReviewAction, { successMessage: 'Thanks — operations will look at this review' });
  if (data) return <p className="text-sm text-muted" role="status">Reported. Operations will review it.</p>;
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-6 cursor-pointer items-center rounded-sm text-muted underline-offset-4 hover:underline">Report this review</summary>
      <form action={formAction} className="mt-2 grid gap-2" noValidate>
        <FormAlert message={error?.message} errorRef={errorRef} />
        <input type="hidden" name="reviewId" value={reviewId} />
        <FormField label="Why should operations look at it?" name="reason" required error={fieldError('reason')}>
          <Input maxLength={500} defaultValue={values.reason ?? ''} />
        </FormField>
        <div>
          <Button type="submit" size="sm" variant="secondary" loading={pending}>
            Send report
          </Button>
        </div>
      </form>
    </details>
  );
}
