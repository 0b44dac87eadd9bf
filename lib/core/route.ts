import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/db/client';
import { clientIp } from './auth/client-ip';
import { getActor } from './auth/session';
import { authorize, type Permission } from './auth/permissions';
import { now } from './clock';
import { anonymous, type Ctx } from './context';
import { env } from './env';
import { AppError, fieldErrorsFromIssues, internalError, summariseFieldErrors, toProblem } from './errors';
import { newId } from './ids';
import { responseStored, withIdempotency } from './idempotency';
import { logger } from './logger';

/**
 * A route's contract: method, path, zod schemas and access. The OpenAPI document is generated
 * from these, so what is documented is exactly what is validated.
 */
export interface RouteContract<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tags: string[];
  auth: 'public' | 'user' | 'secret';
  permission?: Permission;
  query?: Q;
  body?: B;
  response?: R;
  /** Largest JSON body accepted, bytes. */
  maxBodyBytes?: number;
  /** Honours an `Idempotency-Key` header: a retry gets the first response instead of a second effect. */
  idempotent?: boolean;
}

export interface RouteArgs<Q, B> {
  req: NextRequest;
  query: Q;
  body: B;
  params: Record<string, string>;
  ctx: Ctx;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteOptions<Q, B> {
  /**
   * A cheap check that may reject a request before any transaction is opened (e.g. a slot that is
   * certainly taken). It runs after authentication and validation, and never for a retry whose
   * response is already stored (that one replays). The verb must still enforce the same rule: this
   * only spares the database the losers' transactions.
   */
  precheck?: (args: RouteArgs<Q, B>) => Promise<void>;
}

/**
 * The one route-handler wrapper: request id, actor from the session (roles from the database),
 * permission check, zod parsing of query and body, RFC 9457 problem+json errors, and a structured
 * access log line. Cookie-authenticated mutations must come from our own origin (CSRF).
 */
export function defineRoute<Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  contract: RouteContract<Q, B, R>,
  handler: (args: RouteArgs<z.output<Q>, z.output<B>>) => Promise<z.input<R> | Response>,
  options: RouteOptions<z.output<Q>, z.output<B>> = {},
) {
  return async (req: NextRequest, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const started = performance.now();
    const incoming = req.headers.get('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9_-]{8,64}$/.test(incoming) ? incoming : newId();
    const log = logger.child({ requestId, route: `${contract.method} ${contract.path}` });
    let status = 500;
    try {
      // Browsers always send Origin on cross-site POSTs: refuse any foreign one (CSRF, and drive-by
      // account creation through the public routes). Server-to-server clients send none.
      if (MUTATING.has(req.method)) assertSameOrigin(req);
      const actor = contract.auth === 'public' || contract.auth === 'user' ? await getActor() : null;
      if (contract.auth === 'user') {
        if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
        if (contract.permission) authorize(actor, contract.permission);
      }
      const query = contract.query ? parseOrThrow(contract.query, Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = contract.body ? parseOrThrow(contract.body, await readJson(req, contract.maxBodyBytes ?? 1_000_000)) : undefined;
      const ctx: Ctx = { actor: actor ?? anonymous, requestId, now: now() };
      const args = { req, query: query as z.output<Q>, body: body as z.output<B>, params: await context.params };
      const key = contract.idempotent ? req.headers.get('idempotency-key') : null;
      let response: Response;
      const scope = `${contract.method} ${contract.path}|${actor ? `user:${actor.userId}` : `anon:${clientIp(req.headers)}`}`;
      if (options.precheck && (key === null || !(await responseStored(db(), scope, key)))) await options.precheck({ ...args, ctx });
      if (key !== null) {
        // The verb joins this transaction (withTx reuses ctx.tx), so its effect and the stored
        // response commit together: a retry can never see one without the other.
        const stored = await db().transaction((tx) =>
          withIdempotency(tx, scope, key, { query, body }, async () => {
            const r = await handler({ ...args, ctx: { ...ctx, tx } });
            return r instanceof Response ? { status: r.status, body: await r.json() } : { status: 200, body: r };
          }),
        );
        response = NextResponse.json(stored.body, { status: stored.status, headers: stored.replayed ? { 'idempotent-replayed': 'true' } : {} });
      } else {
        const result = await handler({ ...args, ctx });
        response = result instanceof Response ? result : NextResponse.json(result);
      }
      status = response.status;
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (err) {
      const appErr = err instanceof AppError ? err : internalError();
      if (!(err instanceof AppError) || appErr.code === 'INTERNAL') log.error({ err }, 'route failed');
      status = appErr.status;
      const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'x-request-id': requestId };
      if (appErr.details.retryAfterSeconds) headers['retry-after'] = String(appErr.details.retryAfterSeconds);
      return new Response(JSON.stringify(toProblem(appErr, requestId, req.nextUrl.pathname)), { status, headers });
    } finally {
      log.info({ status, ms: Math.round(performance.now() - started) }, 'request');
    }
  };
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
  throw new AppError('VALIDATION', summariseFieldErrors(fieldErrors), { fieldErrors });
}

async function readJson(req: NextRequest, maxBytes: number): Promise<unknown> {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the request body as JSON (Content-Type: application/json).', {
      fieldErrors: { 'content-type': ['must be application/json'] },
    });
  }
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > maxBytes) throw new AppError('VALIDATION', `The request body is larger than ${maxBytes} bytes.`);
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError('VALIDATION', `The request body is larger than ${maxBytes} bytes.`);
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The request body is not valid JSON.');
  }
}

function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get('origin');
  // Non-browser clients send no Origin; browsers always do on cross-site POSTs.
  if (!origin) return;
  const allowed = new Set([req.nextUrl.origin, new URL(env().APP_URL).origin]);
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (host) allowed.add(`${req.nextUrl.protocol}//${host}`);
  if (!allowed.has(origin)) throw new AppError('FORBIDDEN', 'Cross-site requests are not allowed.');
}

/** Every contract, for the OpenAPI document; domains add theirs to lib/api/contracts.ts. */
export function toOpenApi(contracts: RouteContract[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string', enum: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LIMIT_EXCEEDED', 'PRECONDITION_FAILED', 'INTERNAL'] },
          requestId: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['type', 'title', 'status', 'detail', 'code'],
      },
    },
  };
  for (const c of contracts) {
    const openApiPath = c.path.replace(/\[(\w+)\]/g, '{$1}');
    const params = [...c.path.matchAll(/\[(\w+)\]/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (c.query) {
      const js = z.toJSONSchema(c.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        params.push({ name, in: 'query', required: (js.required ?? []).includes(name), schema: schema as { type: string } });
      }
    }
    (paths[openApiPath] ??= {})[c.method.toLowerCase()] = {
      summary: c.summary,
      tags: c.tags,
      ...(c.auth === 'user' ? { security: [{ session: [] }] } : c.auth === 'secret' ? { security: [{ bearer: [] }] } : {}),
      ...(c.permission ? { 'x-permission': c.permission } : {}),
      parameters: params,
      ...(c.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(c.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses: {
        200: {
          description: 'OK',
          ...(c.response ? { content: { 'application/json': { schema: z.toJSONSchema(c.response, { io: 'output', unrepresentable: 'any' }) } } } : {}),
        },
        default: { description: 'Error (RFC 9457 problem details)', content: problem },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
