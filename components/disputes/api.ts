/** Calls a dispute route from the browser: JSON or multipart, problem+json errors with field errors. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export async function callApi<T>(url: string, body: FormData | Record<string, unknown>, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  try {
    const isForm = body instanceof FormData;
    const res = await fetch(url, {
      method: 'POST',
      headers: isForm ? headers : { 'content-type': 'application/json', ...headers },
      body: isForm ? body : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, message: json?.detail ?? 'Something went wrong. Try again.', fieldErrors: json?.errors ?? {} };
  } catch {
    return { ok: false, message: 'Could not reach Fixnado. Nothing changed; try again.', fieldErrors: {} };
  }
}
