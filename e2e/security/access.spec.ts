import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { ADMIN_ONLY_TEXT, createAccount, newSessionPage, personas, signIn, useSession, type PersonaKey } from '../helpers';

/**
 * Access control from the outside (RELIABILITY S2–S4, S7; ARCHITECTURE §6). proxy.ts is only a UX
 * redirect: these tests prove that pages, server actions and route handlers authorise on their
 * own, whatever headers, paths or replayed requests a caller sends.
 */

const FORBIDDEN_HEADING = "You don't have access to this page";

/** Text each private page renders that must never reach someone without its role. */
const privateText: Record<string, string[]> = {
  '/provider': ['Thames Home Services', 'Priya Provider', 'See your team'],
  '/provider/team': ['Thames Home Services', 'provider@fixnado.test', 'serviceman@fixnado.test', 'Team members'],
  '/enterprise': ['Northwind Offices', 'Erin Enterprise', 'See members'],
  '/enterprise/members': ['Northwind Offices', 'enterprise@fixnado.test', 'Organisation members'],
  '/admin': ['System health', 'Platform figures', 'Emails waiting', 'Audit rows awaiting seal'],
  '/admin/rbac': ADMIN_ONLY_TEXT,
  '/admin/toggles': ['explorer.clusters', 'bookings.instant', 'ai.assist'],
  '/admin/audit': ['Verify the chain', 'Rows are sealed onto a hash chain'],
};

function expectNoneOf(body: string, needles: string[], what: string) {
  for (const needle of needles) expect(body.includes(needle), `${what} must not contain "${needle}"`).toBe(false);
}

/**
 * A real HTTP 403, the 403 page, and none of the page's private text in the HTML. When a page is
 * refused inside a panel the person may open, their own shell can surround the message, so their
 * own identity (`viewer`: email, name, organisation) legitimately appears and is not a leak.
 */
async function expectForbiddenPage(page: Page, path: string, opts: { viewer?: PersonaKey } = {}) {
  const { viewer } = opts;
  const res = await page.goto(path);
  expect(res?.status(), `GET ${path}`).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
  const own = viewer ? [personas[viewer].email, personas[viewer].name, personas[viewer].heading] : [];
  expectNoneOf(await res!.text(), (privateText[path] ?? []).filter((t) => !own.includes(t)), `403 page for ${path}`);
}

test.describe('pages authorise by role', () => {
  for (const path of ['/provider', '/enterprise', '/admin', '/admin/rbac', '/provider/team', '/enterprise/members', '/admin/toggles', '/admin/audit']) {
    test(`customer gets the 403 page on ${path}, with no private data in the HTML`, async ({ page }) => {
      await useSession(page, 'customer');
      await expectForbiddenPage(page, path);
    });
  }

  test('provider admin cannot open /admin/rbac, /admin or /enterprise', async ({ page }) => {
    await useSession(page, 'provider');
    for (const path of ['/admin/rbac', '/admin', '/enterprise']) await expectForbiddenPage(page, path);
  });

  test('serviceman cannot open the provider team page; enterprise admin cannot open the provider panel', async ({ browser, page }, testInfo) => {
    await useSession(page, 'serviceman');
    // Refused by the page inside a panel the serviceman may open (the layout lets them in).
    await expectForbiddenPage(page, '/provider/team', { viewer: 'serviceman' });
    const enterprise = await newSessionPage(browser, testInfo, 'enterprise');
    try {
      await expectForbiddenPage(enterprise.page, '/provider');
      await expectForbiddenPage(enterprise.page, '/provider/team');
    } finally {
      await enterprise.context.close();
    }
  });

  test('operations, finance and marketing get the 403 page on admin-only pages, with no admin data', async ({ browser, page }, testInfo) => {
    test.slow(); // three sessions and eight page loads
    await useSession(page, 'operations');
    for (const path of ['/admin/rbac', '/admin/audit']) await expectForbiddenPage(page, path, { viewer: 'operations' });
    for (const who of ['finance', 'marketing'] as const) {
      const s = await newSessionPage(browser, testInfo, who);
      try {
        for (const path of ['/admin/rbac', '/admin/audit', '/admin/toggles']) await expectForbiddenPage(s.page, path, { viewer: who });
      } finally {
        await s.context.close();
      }
    }
  });

  test('a page refused inside a panel the person may open answers HTTP 403 (not a soft 200)', async ({ page }) => {
    // Regression test: pages used to stream (loading.tsx) before calling forbidden(), answering 200.
    await useSession(page, 'operations');
    expect((await page.request.get('/admin/rbac', { maxRedirects: 0 })).status(), 'operations GET /admin/rbac').toBe(403);
    await page.context().clearCookies();
    await useSession(page, 'serviceman');
    expect((await page.request.get('/provider/team', { maxRedirects: 0 })).status(), 'serviceman GET /provider/team').toBe(403);
  });

  // Controls: the owners DO receive every string the negative tests look for, so those tests
  // cannot pass vacuously after a copy change.
  const owners: [PersonaKey, string[]][] = [
    ['admin', ['/admin', '/admin/rbac', '/admin/toggles', '/admin/audit']],
    ['provider', ['/provider', '/provider/team']],
    ['enterprise', ['/enterprise', '/enterprise/members']],
  ];
  for (const [owner, paths] of owners) {
    test(`control: ${owner} does receive the private text of ${paths.join(', ')}`, async ({ page }) => {
      await useSession(page, owner);
      for (const path of paths) {
        const res = await page.goto(path);
        expect(res?.status(), `GET ${path}`).toBe(200);
        const html = await res!.text();
        for (const needle of privateText[path]) expect(html, `${path} contains "${needle}"`).toContain(needle);
      }
    });
  }
});

test.describe('anonymous visitors are sent to sign-in', () => {
  const privatePaths = ['/account', '/account/security', '/provider', '/provider/team', '/enterprise', '/enterprise/members', '/admin', '/admin/rbac', '/admin/toggles', '/admin/audit'];

  test('every private area redirects (307) to /sign-in with a callbackUrl', async ({ request }) => {
    for (const path of privatePaths) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), `GET ${path}`).toBe(307);
      expect(res.headers()['location'], `GET ${path}`).toBe(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
      expectNoneOf(await res.text(), privateText[path] ?? [], `redirect for ${path}`);
    }
  });

  test('a forged session cookie is not a session: the page itself redirects to sign-in', async ({ request }) => {
    // The proxy only looks for the cookie's presence, so this request passes it; the layout must
    // still refuse because the token does not decode to an actor.
    for (const path of ['/admin/rbac', '/account', '/provider/team']) {
      const res = await request.get(path, { maxRedirects: 0, headers: { cookie: 'authjs.session-token=forged.not-a-jwt' } });
      expect(res.status(), `GET ${path}`).toBe(307);
      expect(res.headers()['location'], `GET ${path}`).toMatch(/^\/sign-in/);
      expectNoneOf(await res.text(), privateText[path] ?? [], `response for ${path}`);
    }
  });

  test('in the browser: /admin/rbac → sign-in form → back to /admin/rbac after signing in as admin', async ({ page }) => {
    await page.goto('/admin/rbac');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Frbac$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Fixnado' })).toBeVisible();
    await page.getByLabel('Email').fill(personas.admin.email);
    await page.getByLabel('Password').fill('fixnado-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/admin/rbac');
    await expect(page.getByRole('heading', { level: 1, name: 'Roles & access' })).toBeVisible();
  });

  test('sign-in ignores an off-site callbackUrl (no open redirect)', async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('//evil.example/steal')}`);
    await page.getByLabel('Email').fill(personas.finance.email);
    await page.getByLabel('Password').fill('fixnado-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL((url) => url.origin !== 'null' && url.pathname === '/admin');
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
});

test.describe('S2: forged headers and paths never unlock protected content', () => {
  const forgeries: { name: string; path: string; headers: Record<string, string>; rsc?: boolean }[] = [
    { name: 'x-middleware-subrequest (middleware)', path: '/admin/rbac', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } },
    { name: 'x-middleware-subrequest (proxy)', path: '/admin/rbac', headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } },
    { name: 'x-middleware-subrequest (src/proxy)', path: '/admin/rbac', headers: { 'x-middleware-subrequest': 'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy' } },
    { name: 'x-user-role: admin', path: '/admin/rbac', headers: { 'x-user-role': 'admin' } },
    { name: 'x-roles: admin', path: '/admin/rbac', headers: { 'x-roles': 'admin' } },
    { name: 'x-forwarded-user', path: '/admin/rbac', headers: { 'x-forwarded-user': personas.admin.email } },
    { name: 'all persona headers together', path: '/admin', headers: { 'x-user-role': 'admin', 'x-roles': 'admin,operations', 'x-forwarded-user': personas.admin.email, 'x-user-id': 'admin' } },
    { name: '.rsc suffix', path: '/admin/rbac.rsc', headers: {} },
    { name: 'RSC + Next-Router-Prefetch', path: '/admin/rbac', headers: { RSC: '1', 'Next-Router-Prefetch': '1' }, rsc: true },
    { name: 'RSC only', path: '/admin/rbac', headers: { RSC: '1' }, rsc: true },
    { name: 'segment prefetch', path: '/admin/rbac', headers: { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' }, rsc: true },
    { name: 'x-invoke-path / next-url / x-pathname spoofing', path: '/admin/rbac', headers: { 'x-invoke-path': '/', 'next-url': '/', 'x-matched-path': '/', 'x-pathname': '/' } },
  ];

  /** The final response after following redirects, and what it returned. */
  async function fetchAll(request: APIRequestContext, path: string, headers: Record<string, string>): Promise<{ first: APIResponse; last: APIResponse; body: string }> {
    const first = await request.get(path, { headers, maxRedirects: 0 });
    const last = first.status() >= 300 && first.status() < 400 ? await request.get(path, { headers }) : first;
    return { first, last, body: (await first.text()) + (await last.text()) };
  }

  for (const f of forgeries) {
    test(`anonymous with ${f.name}: redirected to sign-in, nothing protected`, async ({ request }) => {
      const { first, last, body } = await fetchAll(request, f.path, f.headers);
      expect(first.status()).toBe(307);
      expect(first.headers()['location']).toMatch(/^\/sign-in\?callbackUrl=/);
      expect(new URL(last.url()).pathname).toBe('/sign-in');
      expectNoneOf(body, privateText[f.path.replace(/\.rsc$/, '')], f.name);
    });

    test(`customer with ${f.name}: refused, nothing protected`, async ({ page }) => {
      await useSession(page, 'customer');
      const { first, last, body } = await fetchAll(page.request, f.path, f.headers);
      expectNoneOf(body, privateText[f.path.replace(/\.rsc$/, '')], f.name);
      if (f.rsc) {
        // Next answers RSC fetches with a cache-busting redirect and then flight data (always 200);
        // what matters is that the flight data is the 403 boundary, not the page.
        expect([200, 307]).toContain(first.status());
        expect(last.headers()['content-type']).toContain('text/x-component');
      } else {
        expect([403, 404], `status for ${f.name}`).toContain(first.status());
        expect(last.status()).toBe(first.status());
      }
    });
  }

  test('GET /api/v1/me ignores forged role headers: the customer keeps their real roles', async ({ page, request }) => {
    const forged = { 'x-user-role': 'admin', 'x-roles': 'admin', 'x-forwarded-user': personas.admin.email, 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' };
    await useSession(page, 'customer');
    const me = await page.request.get('/api/v1/me', { headers: forged });
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { email: string; roles: string[]; memberships: { role: string }[] };
    expect(body.email).toBe(personas.customer.email);
    expect(body.roles).toEqual(['customer']);
    expect(body.memberships.map((m) => m.role)).toEqual(['customer']);

    const anon = await request.get('/api/v1/me', { headers: forged });
    expect(anon.status()).toBe(401);
    expect(anon.headers()['content-type']).toContain('application/problem+json');
  });
});

/** A server-action POST as the browser sent it: enough to replay it byte for byte. */
interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Fills and submits the admin "Grant a role" form as the signed-in admin on `page`, records the
 * server-action request, and aborts it before it reaches the server — so nothing is granted yet
 * and the replays below are the only requests that could grant it.
 */
async function captureGrantRole(page: Page, targetEmail: string, roleLabel: string): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  page.on('request', (req) => {
    const h = req.headers();
    if (req.method() === 'POST' && h['next-action'] && !captured) {
      captured = {
        url: req.url(),
        headers: {
          'next-action': h['next-action'],
          'content-type': h['content-type'],
          accept: h['accept'] ?? 'text/x-component',
          ...(h['next-router-state-tree'] ? { 'next-router-state-tree': h['next-router-state-tree'] } : {}),
        },
        body: req.postDataBuffer() ?? Buffer.alloc(0),
      };
    }
  });
  await page.route('**/admin/rbac**', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await page.goto('/admin/rbac');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Grant role' }) });
  await form.getByLabel('Email').fill(targetEmail);
  await form.getByLabel('Role').selectOption({ label: roleLabel });
  await form.getByLabel('Reason').fill('e2e: captured, never sent');
  await form.getByRole('button', { name: 'Grant role' }).click();
  await expect.poll(() => captured !== undefined, { message: 'the grant-role server action request' }).toBe(true);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  expect(captured!.headers['next-action']).toMatch(/^[0-9a-f]{40,}$/);
  return captured!;
}

/** The roles badges shown for `email` on the admin RBAC page. */
async function rolesOnRbacPage(adminPage: Page, email: string): Promise<string[]> {
  await adminPage.goto(`/admin/rbac?q=${encodeURIComponent(email)}`);
  const row = adminPage.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  return row.locator('li').evaluateAll((lis) => lis.map((li) => li.firstElementChild?.textContent?.trim() ?? ''));
}

function replay(request: APIRequestContext, action: CapturedAction, extraHeaders: Record<string, string> = {}) {
  return request.post(action.url, { headers: { ...action.headers, ...extraHeaders }, data: action.body, maxRedirects: 0 });
}

test.describe('S3/S4: server actions are public endpoints that authorise themselves', () => {
  test('S3: replaying the admin "grant role" action as anonymous or as a customer grants nothing', async ({ page, browser, playwright }, testInfo) => {
    const target = await createAccount(page.request, 's3-target');
    await useSession(page, 'admin');
    expect(await rolesOnRbacPage(page, target.email)).toEqual(['Customer']);
    const action = await captureGrantRole(page, target.email, 'Admin');

    const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    const customer = await newSessionPage(browser, testInfo, 'customer');
    try {
      // Anonymous at the page URL: the proxy already sends it to sign-in …
      const anonRes = await replay(anonymous, action);
      expect(anonRes.status()).toBe(307);
      expect(anonRes.headers()['location']).toMatch(/^\/sign-in/);
      // … so also post it to a public page, which the proxy lets through: an action id works on any
      // page that bundles it, and the action itself must then refuse.
      const anonPublic = await replay(anonymous, { ...action, url: new URL('/', action.url).toString() });
      expect(anonPublic.status()).toBeLessThan(500);
      expect(await anonPublic.text()).toContain('UNAUTHENTICATED');

      for (const url of [action.url, new URL('/account', action.url).toString()]) {
        const custRes = await replay(customer.page.request, { ...action, url });
        expect(custRes.status(), url).toBeLessThan(500);
        expect(await custRes.text(), url).toContain('FORBIDDEN');
      }

      // Nothing changed for the target, and the customer is still only a customer.
      expect(await rolesOnRbacPage(page, target.email)).toEqual(['Customer']);
      const me = (await (await customer.page.request.get('/api/v1/me')).json()) as { roles: string[] };
      expect(me.roles).toEqual(['customer']);

      // Control: the very same bytes sent with the admin's session do grant the role, so the
      // refusals above are the server's decision and not a malformed replay.
      const adminRes = await replay(page.request, action);
      expect(adminRes.status()).toBe(200);
      expect(await rolesOnRbacPage(page, target.email)).toEqual(['Customer', 'Admin']);
    } finally {
      await anonymous.dispose();
      await customer.context.close();
    }
  });

  test('S4: a cross-site POST (Origin: https://evil.example) to a server action is rejected', async ({ page }) => {
    const target = await createAccount(page.request, 's4-target');
    await useSession(page, 'admin');
    const action = await captureGrantRole(page, target.email, 'Operations');

    // With the admin's own cookie — exactly what a CSRF attack would ride on.
    const evil = await replay(page.request, action, { origin: 'https://evil.example' });
    expect(evil.status(), 'cross-site action status').toBeGreaterThanOrEqual(400);
    expect(await rolesOnRbacPage(page, target.email)).toEqual(['Customer']);

    // Control: same-origin replay of the same request works.
    const same = await replay(page.request, action, { origin: new URL(page.url()).origin });
    expect(same.status()).toBe(200);
    expect(await rolesOnRbacPage(page, target.email)).toEqual(['Customer', 'Operations']);
  });

  test('S4: the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
    const setCookies: string[] = [];
    page.on('response', async (res) => {
      const values = (await res.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
      setCookies.push(...values);
    });
    await signIn(page, personas.marketing.email);
    const header = setCookies.find((c) => /^authjs\.session-token=/.test(c));
    expect(header, 'Set-Cookie for the session').toBeTruthy();
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    // This test server runs on plain-http loopback with ALLOW_INSECURE_HTTP=true, so the cookie is
    // deliberately not `Secure` (and has no __Secure- prefix); production serving sets both.
    expect(header).not.toMatch(/;\s*Secure/i);

    const cookie = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    // Not readable from page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('authjs.session-token');
  });
});

test.describe('S4: cross-site POST to the public sign-up API', () => {
  test('is rejected and creates no account', async ({ request }) => {
    // Regression test: public mutating routes used to skip the Origin check and accept text/plain bodies.
    for (const contentType of ['application/json', 'text/plain']) {
      const email = `e2e-csrf-${contentType.replace('/', '-')}-${Date.now().toString(36)}@example.test`;
      const payload = JSON.stringify({ name: 'Cross Site', email, password: 'cross-site-password-1' });
      const crossSite = await request.post('/api/v1/auth/sign-up', { headers: { origin: 'https://evil.example', 'content-type': contentType }, data: payload });
      // Rejected …
      expect(crossSite.status(), `cross-site ${contentType} sign-up`).toBeGreaterThanOrEqual(400);
      // … and without effect: the address is still free for a same-origin sign-up.
      const sameSite = await request.post('/api/v1/auth/sign-up', { data: { name: 'Cross Site', email, password: 'cross-site-password-1' } });
      expect(sameSite.status(), 'same-origin sign-up with the same address').toBe(201);
    }
  });
});

test.describe('S7: security headers', () => {
  for (const path of ['/', '/sign-in']) {
    test(`${path} sends CSP with a per-request nonce, nosniff, referrer policy and no framing`, async ({ request }) => {
      const a = await request.get(path);
      const b = await request.get(path);
      expect(a.status()).toBe(200);
      const csp = a.headers()['content-security-policy'];
      expect(csp).toBeTruthy();
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, 'script-src nonce').toBeTruthy();
      expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
      // Per request: a second response carries a different nonce.
      expect(b.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
      // Next puts the same nonce on the scripts it renders.
      expect(await a.text()).toContain(`nonce="${nonce}"`);

      expect(a.headers()['x-content-type-options']).toBe('nosniff');
      expect(a.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(a.headers()['x-frame-options']).toBe('DENY');
      // HSTS is intentionally OFF here: this test server is plain http on loopback with
      // ALLOW_INSECURE_HTTP=true (scripts/serve-fresh.ts). Production over https must send it.
      expect(a.headers()['strict-transport-security']).toBeUndefined();
    });
  }
});
