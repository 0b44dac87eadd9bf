// Pure helpers of the action wrapper, kept apart so they are testable without Next's runtime.

/** FormData → plain object: repeated keys become arrays; Next's internal `$ACTION_*` keys are dropped. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith('$ACTION')) continue;
    // Prototype keys never become properties (B2).
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
