// Small fetch helpers of the bid screens: problem+json errors become a message and field errors.

export interface ApiFailure {
  message: string;
  fieldErrors: Record<string, string[]>;
  status: number;
  details: Record<string, unknown>;
}

export async function readFailure(res: Response): Promise<ApiFailure> {
  let body: { detail?: string; title?: string; errors?: Record<string, string[]>; [k: string]: unknown } = {};
  try {
    body = await res.json();
  } catch {
    /* not JSON: keep the generic message */
  }
  return {
    message: body.detail ?? body.title ?? 'Something went wrong. Please try again.',
    fieldErrors: body.errors ?? {},
    status: res.status,
    details: body,
  };
}
