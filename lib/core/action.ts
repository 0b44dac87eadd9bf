import type { z } from 'zod';
import { getActor, getRequestId } from './auth/session';
import { authorize, type Permission } from './auth/permissions';
import { now } from './clock';
import { anonymous, type Ctx, type UserActor } from './context';
import { AppError, fieldErrorsFromIssues, internalError, summariseFieldErrors, type ErrorCode, type FieldErrors } from './errors';
import { formDataToObject, isNextControlFlow } from './form-data';
import { withIdempotency } from './idempotency';
import { logger } from './logger';
import { db } from '@/db/client';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number; alternativesUrl?: string } };

type Access = ({ auth: 'public' } | { auth: 'user'; permission?: Permission }) & {
  /** Honours an `idempotencyKey` form field (signed-in callers): a double submit returns the first result. */
  idempotent?: boolean;
};

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
      const key = options.idempotent ? (input as Record<string, unknown>).idempotencyKey : undefined;
      if (typeof key === 'string' && key && actor) {
        const stored = await db().transaction((tx) =>
          withIdempotency(tx, `action:${name}|user:${actor.userId}`, key, parsed.data, async () => ({ status: 200, body: await verb(parsed.data, { ...ctx, tx }) })),
        );
        return { ok: true, data: stored.body };
      }
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
        // A lost slot points at where to find other times (same-site path only).
        ...(typeof err.details.alternativesUrl === 'string' && err.details.alternativesUrl.startsWith('/api/') ? { alternativesUrl: err.details.alternativesUrl } : {}),
      },
    };
  }
  // Next uses thrown values for redirect()/notFound(): let them through.
  if (isNextControlFlow(err)) throw err;
  log.error({ err }, 'action failed unexpectedly');
  const generic = internalError();
  return { ok: false, error: { code: generic.code, message: generic.message } };
}
