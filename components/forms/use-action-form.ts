'use client';

import { useActionState, useEffect, useEffectEvent, useRef } from 'react';
import type { ActionResult } from '@/lib/core/action';

interface FormState<T> {
  result: ActionResult<T>;
  /** What was submitted (never passwords), so a failed form keeps what the person typed. */
  values: Record<string, string>;
  n: number;
}

/**
 * Binds a server action to a <form>: pending state, field errors, kept values, a toast on success,
 * and focus moved to the error summary on failure so keyboard and screen-reader users hear it.
 */
export function useActionForm<T>(
  action: (fd: FormData) => Promise<ActionResult<T>>,
  opts: { successMessage?: string | ((data: T) => string); onSuccess?: (data: T) => void } = {},
) {
  const [state, formAction, pending] = useActionState<FormState<T> | null, FormData>(async (prev, fd) => {
    const result = await action(fd);
    const values: Record<string, string> = {};
    for (const [k, v] of fd.entries()) {
      if (typeof v === 'string' && !/password|token/i.test(k) && !k.startsWith('$ACTION')) values[k] = v;
    }
    return { result, values, n: (prev?.n ?? 0) + 1 };
  }, null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Reads the latest options without re-running the effect when the caller passes new closures.
  const settled = useEffectEvent((result: ActionResult<T>) => {
    if (result.ok) {
      const message = typeof opts.successMessage === 'function' ? opts.successMessage(result.data) : opts.successMessage;
      // Loaded on demand so forms do not put the toast library into every page's first load.
      if (message) void import('@/components/ui/toast').then(({ toast }) => toast.success(message));
      opts.onSuccess?.(result.data);
    } else {
      errorRef.current?.focus();
    }
  });

  useEffect(() => {
    if (state) settled(state.result);
  }, [state]);

  const error = state && !state.result.ok ? state.result.error : null;
  return {
    formAction,
    pending,
    error,
    errorRef,
    values: state?.values ?? {},
    fieldError: (name: string) => error?.fieldErrors?.[name],
    data: state?.result.ok ? state.result.data : undefined,
  };
}
