/** Calls a compliance route from the browser: JSON or multipart, problem+json errors with field errors. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export async function callComplianceApi<T>(url: string, body: FormData | Record<string, unknown>, idempotencyKey?: string): Promise<ApiResult<T>> {
  try {
    const isForm = body instanceof FormData;
    const headers: Record<string, string> = isForm ? {} : { 'content-type': 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const res = await fetch(url, { method: 'POST', headers, body: isForm ? body : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, message: json?.detail ?? 'Something went wrong. Try again.', fieldErrors: json?.errors ?? {} };
  } catch {
    return { ok: false, message: 'Could not reach Fixnado. Nothing changed; try again.', fieldErrors: {} };
  }
}

/** A fresh Idempotency-Key per attempt-series (a retry of the same click reuses it). */
export const newIdempotencyKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
