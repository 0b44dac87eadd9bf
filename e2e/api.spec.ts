import { expect, test } from '@playwright/test';
import { confirmEmail, signIn, uniqueEmail } from './helpers';

/** The public HTTP API: health, the OpenAPI document and its docs page, sign-up validation (B1, B2). */

test('GET /api/health → 200, status ok, every migration applied', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const body = (await res.json()) as {
    status: string;
    checks: { database: { ok: boolean }; migrations: { ok: boolean; applied: number; expected: number }; jobs: { ok: boolean } };
  };
  expect(body.status).toBe('ok');
  expect(body.checks.database.ok).toBe(true);
  expect(body.checks.migrations.ok).toBe(true);
  expect(body.checks.migrations.expected).toBeGreaterThan(0);
  expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected);
  expect(body.checks.jobs.ok).toBe(true);
});

test('GET /api/openapi.json is an OpenAPI 3.1 document that describes /api/v1/me', async ({ request }) => {
  const res = await request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  const doc = (await res.json()) as { openapi: string; info: { title: string }; paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(doc.info.title).toBeTruthy();
  expect(doc.paths['/api/v1/me']?.get).toBeTruthy();
  expect(doc.paths['/api/v1/me'].get.security).toEqual([{ session: [] }]);
  expect(doc.paths['/api/v1/auth/sign-up']?.post).toBeTruthy();
});

test('/api/docs renders the API reference', async ({ page }) => {
  const res = await page.goto('/api/docs');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Fixnado API reference' })).toBeVisible();
  const me = page.getByRole('region', { name: 'GET /api/v1/me', exact: true });
  await expect(me).toBeVisible();
  await expect(me).toContainText('Requires a signed-in session');
  await expect(page.getByRole('region', { name: 'POST /api/v1/auth/sign-up' })).toContainText('Public');
  // The geo routes are documented from their contracts too.
  await expect(page.getByRole('region', { name: 'GET /api/v1/geo/match', exact: true })).toContainText('Public');
});

test('GET /api/v1/me without a session → 401 problem+json', async ({ request }) => {
  const res = await request.get('/api/v1/me');
  expect(res.status()).toBe(401);
  expect(res.headers()['content-type']).toContain('application/problem+json');
  expect(await res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
});

test.describe('POST /api/v1/auth/sign-up', () => {
  test('bad input → 422 problem+json naming each bad field', async ({ request }) => {
    const res = await request.post('/api/v1/auth/sign-up', { data: { name: 'x', email: 'not-an-email', password: 'short' } });
    expect(res.status()).toBe(422);
    expect(res.headers()['content-type']).toContain('application/problem+json');
    const problem = (await res.json()) as { status: number; code: string; title: string; detail: string; type: string; errors: Record<string, string[]> };
    expect(problem).toMatchObject({ status: 422, code: 'VALIDATION' });
    expect(problem.type).toBeTruthy();
    expect(Object.keys(problem.errors).sort()).toEqual(['email', 'name', 'password']);
    for (const messages of Object.values(problem.errors)) expect(messages.length).toBeGreaterThan(0);
    expect(problem.errors.password.join(' ')).toContain('10 characters');

    // Missing fields and a non-object body are validation errors too, never a 5xx.
    const empty = await request.post('/api/v1/auth/sign-up', { data: {} });
    expect(empty.status()).toBe(422);
    expect(Object.keys(((await empty.json()) as { errors: Record<string, string[]> }).errors).sort()).toEqual(['email', 'name', 'password']);
    const notJson = await request.post('/api/v1/auth/sign-up', { headers: { 'content-type': 'application/json' }, data: '{"name":' });
    expect(notJson.status()).toBe(422);
    expect(notJson.headers()['content-type']).toContain('application/problem+json');
  });

  test('extra keys (role: "admin" …) are ignored: the account is a plain customer', async ({ request, page }) => {
    const email = uniqueEmail('extra-keys');
    const password = 'extra-keys-password-1';
    const res = await request.post('/api/v1/auth/sign-up', {
      data: {
        name: 'Ex Tra',
        email,
        password,
        role: 'admin',
        roles: ['admin'],
        isAdmin: true,
        emailVerifiedAt: '2020-01-01T00:00:00Z',
        orgId: '00000000-0000-0000-0000-000000000000',
      },
    });
    expect(res.status()).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual(['email', 'userId']);
    expect(created.email).toBe(email);

    // `emailVerifiedAt` was ignored too: signing in still needs the mailbox confirmation.
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toContainText('Please confirm your email first');
    await confirmEmail(page, email);
    await signIn(page, email, password);
    await expect(page).toHaveURL((url) => url.pathname === '/account');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { roles: string[]; memberships: { role: string; orgId: string | null }[] };
    expect(me.roles).toEqual(['customer']);
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'customer', orgId: null })]);
    // And the admin panel stays closed.
    expect((await page.request.get('/admin', { maxRedirects: 0 })).status()).toBe(403);
  });

  test('a duplicate email → 409 problem+json (also when only the case differs)', async ({ request }) => {
    const email = uniqueEmail('dupe');
    const first = await request.post('/api/v1/auth/sign-up', { data: { name: 'First One', email, password: 'first-password-123' } });
    expect(first.status()).toBe(201);
    for (const again of [email, email.toUpperCase()]) {
      const res = await request.post('/api/v1/auth/sign-up', { data: { name: 'Second One', email: again, password: 'second-password-123' } });
      expect(res.status(), again).toBe(409);
      expect(res.headers()['content-type']).toContain('application/problem+json');
      const problem = (await res.json()) as { code: string; errors?: Record<string, string[]> };
      expect(problem.code).toBe('CONFLICT');
      expect(problem.errors?.email?.length).toBeGreaterThan(0);
    }
  });
});
