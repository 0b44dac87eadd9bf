'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Star } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FormField, errorMessages } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { createReviewAction } from '@/lib/reviews/actions';
import { REVIEW_MAX_CHARS } from '@/lib/reviews/schemas';

const labels = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

/** Rating (1–5, a radio group: arrow keys move between stars) and plain-text review of a completed booking. */
export function ReviewForm({ bookingId, idempotencyKey }: { bookingId: string; idempotencyKey: string }) {
  const router = useRouter();
  const { formAction, pending, error, errorRef, values, fieldError } = useActionForm(createReviewAction, {
    successMessage: 'Thank you — your review is published',
    onSuccess: () => router.push('/account/reviews'),
  });
  const [rating, setRating] = useState<number>(Number(values.rating) || 0);
  const [body, setBody] = useState(values.body ?? '');
  const ratingErrors = errorMessages(fieldError('rating'));
  return (
    <form action={formAction} className="grid max-w-xl gap-5" noValidate>
      <FormAlert message={error?.message} errorRef={errorRef} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="grid gap-2" aria-describedby={ratingErrors.length ? 'rating-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">
          Rating <span aria-hidden="true" className="text-danger">*</span>
        </legend>
        {ratingErrors.length ? (
          <p id="rating-error" className="text-sm text-danger">
            {ratingErrors.join(' ')}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="relative inline-flex size-11 cursor-pointer items-center justify-center rounded-md has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} className="sr-only" required aria-label={`${n} ${n === 1 ? 'star' : 'stars'} — ${labels[n]}`} />
              <Star aria-hidden="true" className={cn('size-8', n <= rating ? 'fill-warning text-warning' : 'text-muted')} />
            </label>
          ))}
          <span className="ml-2 text-sm text-muted" aria-live="polite">
            {rating ? `${rating} of 5 — ${labels[rating]}` : 'Choose 1 to 5 stars'}
          </span>
        </div>
      </fieldset>
      <FormField label="Your review" name="body" description={`Optional. Plain text, up to ${REVIEW_MAX_CHARS} characters.`} error={fieldError('body')}>
        <Textarea rows={6} maxLength={REVIEW_MAX_CHARS} value={body} onChange={(e) => setBody(e.target.value)} />
      </FormField>
      <p className="-mt-3 text-sm text-muted" aria-live="polite">
        {body.length} / {REVIEW_MAX_CHARS}
      </p>
      <div>
        <Button type="submit" loading={pending}>
          Publish review
        </Button>
      </div>
    </form>
  );
}
