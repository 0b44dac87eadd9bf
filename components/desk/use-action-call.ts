'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/core/action';

/**
 * Calls a server action from a button or dialog: pending state, a toast on success, the error kept
 * for display (and focus moved to it), and a refresh so the server-rendered lists follow.
 */
export function useActionCall<I, T>(action: (input: I) => Promise<ActionResult<T>>, success: string | ((data: T) => string)) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  // An id, not a ref: the error region is focused by id after a failure.
  const errorId = useId();
  const router = useRouter();
  function run(input: I, after?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) {
          const { toast } = await import('@/components/ui/toast');
          toast.success(typeof success === 'function' ? success(result.data) : success);
          after?.(result.data);
          router.refresh();
          return;
        }
        setError({ message: result.error.message, fieldErrors: result.error.fieldErrors });
      } catch {
        setError({ message: 'That did not go through. Check your connection and try again.' });
      }
      requestAnimationFrame(() => document.getElementById(errorId)?.focus());
    });
  }
  return { run, pending, error, errorId, clearError: () => setError(null) };
}
