// next-auth v5 Credentials sign-in over HTTP, as a browser does it: GET /api/auth/csrf (token +
// csrf cookie), then POST /api/auth/callback/credentials (form) with that cookie. Success is the
// `authjs.session-token` cookie (plain http here: no __Secure- prefix) on a 302.
import { fetchNoRedirect } from './util';

export const DEMO_PASSWORD = 'fixnado-demo-2026';

/** A minimal cookie jar: name → value, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      if (i <= 0) continue;
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      // An expired/empty cookie deletes it.
      if (!value || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((k) => k === prefix || k.startsWith(`${prefix}.`));
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface SignInAttempt {
  ok: boolean;
  /** Status of the credentials POST (302 on success and on refusal; the Location tells them apart). */
  status: number;
  location: string | null;
  /** next-auth's refusal code from the Location (e.g. "rate_limited:60", "invalid"), if any. */
  code: string | null;
  cookie: string;
}

export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD, callbackPath = '/'): Promise<SignInAttempt> {
  const jar = new CookieJar();
  const csrfRes = await fetchNoRedirect(`${baseUrl}/api/auth/csrf`, { headers: { accept: 'application/json' } });
  jar.absorb(csrfRes);
  if (csrfRes.status !== 200) {
    await csrfRes.body?.cancel();
    return { ok: false, status: csrfRes.status, location: null, code: `csrf HTTP ${csrfRes.status}`, cookie: '' };
  }
  const { csrfToken } = (await csrfRes.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('GET /api/auth/csrf returned no csrfToken');
  const res = await fetchNoRedirect(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar.header(),
      origin: baseUrl,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}${callbackPath}` }).toString(),
  });
  jar.absorb(res);
  await res.body?.cancel();
  const location = res.headers.get('location');
  const ok = jar.has('authjs.session-token');
  let code: string | null = null;
  if (!ok && location) {
    const u = new URL(location, baseUrl);
    code = u.searchParams.get('code') ?? u.searchParams.get('error');
  }
  return { ok, status: res.status, location, code, cookie: jar.header() };
}

/** Signs in or throws with the reason: for scenarios that need a session to run at all. */
export async function sessionCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const attempt = await signIn(baseUrl, email, password);
  if (!attempt.ok) {
    throw new Error(`sign-in as ${email} failed: HTTP ${attempt.status}, location ${attempt.location ?? '-'}, code ${attempt.code ?? '-'}`);
  }
  return attempt.cookie;
}

/** The signed-in user's display name from /api/auth/session. */
export async function sessionUserName(baseUrl: string, cookie: string): Promise<string | null> {
  const res = await fetchNoRedirect(`${baseUrl}/api/auth/session`, { headers: { cookie, accept: 'application/json' } });
  if (res.status !== 200) {
    await res.body?.cancel();
    return null;
  }
  const body = (await res.json()) as { user?: { name?: string } } | null;
  return body?.user?.name ?? null;
}
