import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/core/env';
import { logger } from '@/lib/core/logger';
import { DEFAULT_MAP_STYLE_URL } from '@/lib/geo/map-style-default';
import { contentSecurityPolicy, mapHostsFrom, staticSecurityHeaders } from '@/lib/core/security-headers';

/**
 * UX only: sends visitors without a session cookie to sign-in for private areas, and sets
 * security headers. It is NEVER the security boundary — every page, action and route handler
 * resolves the actor and checks permissions itself (proxy bypasses have happened before).
 */
const PRIVATE_PREFIXES = ['/account', '/provider', '/enterprise', '/admin'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const e = env();
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!hasSession && PRIVATE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url), null, e);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Lets a server page send a signed-out visitor back here after sign-in (validated there).
  requestHeaders.set('x-pathname', pathname + search);
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && /^[A-Za-z0-9_-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  requestHeaders.set('x-request-id', requestId);
  logger.info({ requestId, method: request.method, path: pathname }, 'request');
  const csp = contentSecurityPolicy({
    nonce,
    dev: e.NODE_ENV === 'development',
    mapHosts: mapHostsFrom(e.NEXT_PUBLIC_MAPBOX_TOKEN ? e.NEXT_PUBLIC_MAP_STYLE_URL : (e.NEXT_PUBLIC_MAP_STYLE_URL ?? DEFAULT_MAP_STYLE_URL), e.NEXT_PUBLIC_MAPBOX_TOKEN),
  });
  // Next reads the CSP from the request headers to put the nonce on its own scripts.
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(response, csp, e);
}

function withHeaders(response: NextResponse, csp: string | null, e: ReturnType<typeof env>) {
  const https = e.NODE_ENV === 'production' && !e.ALLOW_INSECURE_HTTP;
  for (const [k, v] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(k, v);
  if (csp) response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    // Everything except static assets and the health probe (kept cheap for load balancers).
    { source: '/((?!_next/static|_next/image|favicon.ico|maplibre-gl-worker.mjs|api/health).*)' },
  ],
};
