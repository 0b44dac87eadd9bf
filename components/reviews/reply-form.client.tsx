'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { replyReviewAction } from '@/lib/reviews/actions';
import { REVIEW_MAX_CHARS } from '@/lib/reviews/schemas';

/** The provider admin's one public reply to a review (the provider reviews page). `label` names the review for screen readers. */
export function ReplyForm({ reviewId, label }: { reviewId: string; label?: string }) {
  const router = useRouter();
  const { formAction, pending, error, errorRef, values, fieldError } = useActionForm(replyReviewAction, { successMessage: 'Reply published', onSuccess: () => router.refresh() });
  return (
    <form action={formAction} className="grid gap-3" noValidate aria-label={label ? `Reply to ${label}` : 'Reply to this review'}>
      <FormAlert message={error?.message} errorRef={errorRef} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormField label="Your reply" name="reply" required description="Shown publicly under the review. You can reply once." error={fieldError('reply')}>
        <Textarea rows={3} maxLength={REVIEW_MAX_CHARS} defaultValue={values.reply ?? ''} />
      </FormField>
      <div>
        <Button type="submit" size="sm" loading={pending}>
          Publish reply{label ? <span className="sr-only"> to {label}</span> : null}
        </Button>
      </div>
    </form>
  );
}
