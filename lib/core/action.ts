import type { z } from 'zod';
import { getActor, getRequestId } from './auth/session';
import { authorize, type Permission } from './auth/permissions';
import { now } from './clock';
import { anonymous, type Ctx, type UserActor } from './context';
import { AppError, fieldErrorsFromIssues, internalError, summariseFieldErrors, type ErrorCode, type FieldErrors } from './errors';
import { logger } from './logger';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number } };

/** FormData → plain object: repeated keys become arrays; Next's internal `$ACTION_*` keys are dropped. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith('$ACTION')) continue;
    // Prototype keys never become properties (B2).
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const v = typeof value === 'string' ? value : value;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else {
      out[key] = v;
    }
  }
  return out;
}

type Access = { auth: 'public' } | { auth: 'user'; permission?: Permission };

/**
 * The one server-action wrapper. Server actions are public POST endpoints, so every call resolves
 * the actor from the session again (whatever the page checked), parses input with zod (unknown keys
 * are dropped), calls ONE domain verb, and maps errors to a stable shape. Unknown errors are logged
 * with the request id and shown as a generic message — never `e.message`.
 */
export function defineAction<S extends z.ZodType, R>(
  name: string,
  options: Access & { input: S },
  verb: (input: z.output<S>, ctx: Ctx) => Promise<R>,
): (raw: FormData | Record<string, unknown>) => Promise<ActionResult<R>> {
  return async (raw) => {
    const requestId = await getRequestId();
    const log = logger.child({ requestId, action: name });
    try {
      let actor: UserActor | null = null;
      if (options.auth === 'user') {
        actor = await getActor();
        if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
        if (options.permission) authorize(actor, options.permission);
      } else {
        actor = await getActor();
      }
      const input = raw instanceof FormData ? formDataToObject(raw) : (raw ?? {});
      const parsed = options.input.safeParse(input);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
        throw new AppError('VALIDATION', summariseFieldErrors(fieldErrors), { fieldErrors });
      }
      const ctx: Ctx = { actor: actor ?? anonymous, requestId, now: now() };
      const data = await verb(parsed.data, ctx);
      return { ok: true, data };
    } catch (err) {
      return toActionError(err, log);
    }
  };
}

export function toActionError(err: unknown, log = logger): ActionResult<never> {
  if (err instanceof AppError) {
    if (err.code === 'INTERNAL') log.error({ err }, 'action failed');
    return {
      ok: false,
      error: {
        code: err.code,
        message: err.message,
        ...(err.details.fieldErrors ? { fieldErrors: err.details.fieldErrors } : {}),
        ...(err.details.retryAfterSeconds ? { retryAfterSeconds: err.details.retryAfterSeconds } : {}),
      },
    };
  }
  // Next uses thrown values for redirect()/notFound(): let them through.
  if (isNextControlFlow(err)) throw err;
  log.error({ err }, 'action failed unexpectedly');
  const generic = internalError();
  return { ok: false, error: { code: generic.code, message: generic.message } };
}

export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
