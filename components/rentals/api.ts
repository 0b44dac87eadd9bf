/** Calls a rental route from the browser: JSON or multipart, an Idempotency-Key per submit, problem+json errors. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: Record<string, string[]> };

export async function callApi<T>(url: string, body: FormData | Record<string, unknown>, opts: { idempotencyKey?: string } = {}): Promise<ApiResult<T>> {
  try {
    const isForm = body instanceof FormData;
    const headers: Record<string, string> = { 'idempotency-key': opts.idempotencyKey ?? crypto.randomUUID() };
    if (!isForm) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method: 'POST', headers, body: isForm ? body : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, status: res.status, message: json?.detail ?? 'Something went wrong. Try again.', fieldErrors: json?.errors ?? {} };
  } catch {
    return { ok: false, status: 0, message: 'Could not reach Fixnado. Nothing changed; try again.', fieldErrors: {} };
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    const json = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, status: res.status, message: json?.detail ?? 'Something went wrong.', fieldErrors: json?.errors ?? {} };
  } catch {
    return { ok: false, status: 0, message: 'Could not reach Fixnado.', fieldErrors: {} };
  }
}
