'use client';

import type { RefObject } from 'react';
import { FormError } from '@/components/ui/form-field';

/** The form-level error summary, focusable so a failed submit moves focus to it. */
export function FormAlert({ message, errorRef }: { message?: string | null; errorRef: RefObject<HTMLDivElement | null> }) {
  return (
    <div ref={errorRef} tabIndex={-1} className="outline-none">
      <FormError message={message ?? undefined} />
    </div>
  );
}
