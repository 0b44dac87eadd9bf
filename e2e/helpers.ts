import { expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';

/**
 * Shared helpers for the browser suite. The server behind it is a production build on a fresh,
 * seeded database (scripts/serve-fresh.ts), so every persona below exists and is verified.
 */

export const DEMO_PASSWORD = 'fixnado-demo-2026';

export type PersonaKey = 'customer' | 'provider' | 'serviceman' | 'enterprise' | 'marketing' | 'operations' | 'finance' | 'admin';

export interface Persona {
  key: PersonaKey;
  email: string;
  name: string;
  /** Where sign-in sends them. */
  landing: '/account' | '/provider' | '/enterprise' | '/admin';
  /** The landing page's <h1>. */
  heading: string;
  /** The sidebar's panel title (also its nav's accessible name). */
  panel: 'My account' | 'Provider panel' | 'Enterprise panel' | 'Platform admin';
  /** Exactly the sidebar links this persona's roles allow, in order. */
  nav: string[];
  /** The panels listed in the header's "Panels" navigation. */
  headerPanels: string[];
}

const platformNav = ['Overview', 'Zones', 'Matching tool', 'SLA board', 'Notifications', 'Reviews', 'Disputes', 'Compliance', 'Moderation', 'Rentals', 'Orders', 'Finance', 'Roles & access', 'Feature toggles', 'Audit log', 'Mailbox'];
const accountNav = ['Overview', 'My bookings', 'Custom jobs', 'My rentals', 'Orders', 'Reviews', 'Disputes', 'Saved addresses', 'Saved providers', 'Billing & invoices', 'ID & insurance', 'Notifications', 'Sign-in & security'];
const providerNav = ['Dashboard', 'Bookings', 'Job feed', 'My bids', 'My jobs', 'Services', 'Crew & availability', 'Zones & coverage', 'Inventory', 'Rental desk', 'Listings', 'Orders', 'Compliance', 'Payouts', 'Business details', 'Reviews', 'Disputes', 'Team'];

export const personas: Record<PersonaKey, Persona> = {
  customer: {
    key: 'customer',
    email: 'customer@fixnado.test',
    name: 'Chloe Customer',
    landing: '/account',
    heading: 'Hello, Chloe Customer',
    panel: 'My account',
    nav: accountNav,
    headerPanels: ['My account'],
  },
  provider: {
    key: 'provider',
    email: 'provider@fixnado.test',
    name: 'Priya Provider',
    landing: '/provider',
    heading: 'Thames Home Services',
    panel: 'Provider panel',
    nav: ['Dashboard', 'Bookings', 'Job feed', 'My bids', 'Services', 'Crew & availability', 'Zones & coverage', 'Inventory', 'Rental desk', 'Listings', 'Orders', 'Compliance', 'Payouts', 'Business details', 'Reviews', 'Disputes', 'Team'],
    headerPanels: ['My account', 'Provider panel'],
  },
  serviceman: {
    key: 'serviceman',
    email: 'serviceman@fixnado.test',
    name: 'Sam Serviceman',
    landing: '/provider',
    heading: 'Thames Home Services',
    panel: 'Provider panel',
    nav: ['Dashboard', 'My jobs', 'Crew & availability', 'Compliance'],
    headerPanels: ['My account', 'Provider panel'],
  },
  enterprise: {
    key: 'enterprise',
    email: 'enterprise@fixnado.test',
    name: 'Erin Enterprise',
    landing: '/enterprise',
    heading: 'Northwind Offices',
    panel: 'Enterprise panel',
    nav: ['Overview', 'Members', 'Billing'],
    headerPanels: ['My account', 'Enterprise panel'],
  },
  marketing: {
    key: 'marketing',
    email: 'marketing@fixnado.test',
    name: 'Mo Marketing',
    landing: '/admin',
    heading: 'Overview',
    panel: 'Platform admin',
    nav: ['Overview', 'Notifications'],
    headerPanels: ['Platform admin'],
  },
  operations: {
    key: 'operations',
    email: 'operations@fixnado.test',
    name: 'Olu Operations',
    landing: '/admin',
    heading: 'Overview',
    panel: 'Platform admin',
    nav: ['Overview', 'Zones', 'Matching tool', 'SLA board', 'Notifications', 'Reviews', 'Disputes', 'Compliance', 'Moderation', 'Rentals', 'Orders', 'Feature toggles', 'Mailbox'],
    headerPanels: ['Platform admin'],
  },
  finance: {
    key: 'finance',
    email: 'finance@fixnado.test',
    name: 'Fay Finance',
    landing: '/admin',
    heading: 'Overview',
    panel: 'Platform admin',
    nav: ['Overview', 'Notifications', 'Finance'],
    headerPanels: ['Platform admin'],
  },
  admin: {
    key: 'admin',
    email: 'admin@fixnado.test',
    name: 'Ada Admin',
    landing: '/admin',
    heading: 'Overview',
    panel: 'Platform admin',
    nav: platformNav,
    headerPanels: ['Platform admin'],
  },
};

/** Every link a panel's sidebar can show, for asserting what a persona must NOT see. */
export const allPanelNav: Record<Persona['panel'], string[]> = {
  'My account': accountNav,
  'Provider panel': providerNav,
  'Enterprise panel': ['Overview', 'Members', 'Billing'],
  'Platform admin': platformNav,
};

/** Strings that only an admin may ever receive (RBAC page and seeded staff addresses). */
export const ADMIN_ONLY_TEXT = ['Grant a role', 'Users and their roles', 'admin@fixnado.test', 'operations@fixnado.test', 'finance@fixnado.test', 'marketing@fixnado.test'];

/** A unique, lower-case address per call (the mailbox filter and the schema lower-case emails). */
export function uniqueEmail(tag: string): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return `e2e-${tag}-${Date.now().toString(36)}-${rand}@example.test`.toLowerCase();
}

/** Signs in through the sign-in form and waits until the app has left /sign-in. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Either the app navigates away, or the form explains why not (wrong password, throttled …):
  // fail with that message instead of a bare navigation timeout.
  const refusal = page.locator('form').getByRole('alert');
  await expect(async () => {
    if (new URL(page.url()).pathname !== '/sign-in') return;
    const message = (await refusal.count()) ? (await refusal.innerText()).trim() : '';
    expect(message, `sign-in as ${email} was refused`).toBe('');
    throw new Error(`still on /sign-in after signing in as ${email}`);
  }).toPass({ timeout: 20_000 });
}

/** Presses the header's "Sign out" button; the app returns to the home page as a visitor. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

/*
 * Session reuse. Sign-in is throttled per address (50 attempts / 15 min, successes included) and
 * per account, and every browser test comes from 127.0.0.1; signing every persona in through the
 * form in every test would hit that limit (and costs an argon2 hash each time). So a persona's
 * session cookie is captured the first time this worker signs them in and added to later
 * contexts. The cached session is re-checked against /api/v1/me before use, and demo personas'
 * sessions are never revoked by any test (revocation tests use their own fresh accounts).
 */
const sessionCache = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

async function sessionWorks(request: APIRequestContext, email: string): Promise<boolean> {
  const res = await request.get('/api/v1/me');
  if (res.status() !== 200) return false;
  return ((await res.json()) as { email?: string }).email === email;
}

/** Makes `page`'s context signed in as the given persona (or account), reusing a cached session. */
export async function useSession(page: Page, who: PersonaKey | { email: string; password: string }): Promise<void> {
  const email = typeof who === 'string' ? personas[who].email : who.email;
  const password = typeof who === 'string' ? DEMO_PASSWORD : who.password;
  const cached = sessionCache.get(email);
  if (cached) {
    await page.context().addCookies(cached);
    if (await sessionWorks(page.request, email)) return;
    await page.context().clearCookies();
  }
  await signIn(page, email, password);
  expect(await sessionWorks(page.request, email), `session for ${email} after sign-in`).toBe(true);
  const cookies = (await page.context().cookies()).filter((c) => c.name.endsWith('authjs.session-token'));
  sessionCache.set(email, cookies);
}

/** The options a new context needs to look like the current project's (device, baseURL). */
export function projectContextOptions(testInfo: TestInfo): BrowserContextOptions {
  const u = testInfo.project.use;
  return {
    baseURL: u.baseURL,
    viewport: u.viewport,
    userAgent: u.userAgent,
    deviceScaleFactor: u.deviceScaleFactor,
    isMobile: u.isMobile,
    hasTouch: u.hasTouch,
    locale: u.locale,
  };
}

/** A separate browser context (own cookie jar) signed in as the persona; close it when done. */
export async function newSessionPage(
  browser: Browser,
  testInfo: TestInfo,
  who: PersonaKey | { email: string; password: string } | null,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(projectContextOptions(testInfo));
  const page = await context.newPage();
  if (who) await useSession(page, who);
  return { context, page };
}

/**
 * Reads the newest email to `to` in the local mailbox (/dev/mailbox, newest first) and returns the
 * first link in its body whose path is `pathname`, as a same-site path + query. Retries briefly,
 * since the message is written by the same transaction as the action but the page may race it.
 */
export async function newestMailLink(page: Page, to: string, pathname: string): Promise<string> {
  let found: string | undefined;
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    const newest = page.locator('article').first();
    await expect(newest.getByTestId('mail-to')).toHaveText(to, { timeout: 2_000 });
    const hrefs = await newest.getByTestId('mail-body').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    found = hrefs.find((h) => new URL(h, 'http://x').pathname === pathname);
    expect(found, `a ${pathname} link in the newest mail to ${to}`).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  const url = new URL(found!, 'http://x');
  return url.pathname + url.search;
}

/** Creates a customer account through the public API (unverified); returns its credentials. */
export async function createAccount(request: APIRequestContext, tag: string, name = 'Test Person'): Promise<{ email: string; password: string; name: string; userId: string }> {
  const email = uniqueEmail(tag);
  const password = `pw-${Math.random().toString(36).slice(2)}-long-enough`;
  const res = await request.post('/api/v1/auth/sign-up', { data: { name, email, password } });
  expect(res.status(), await res.text()).toBe(201);
  const { userId } = (await res.json()) as { userId: string };
  return { email, password, name, userId };
}

/** Confirms an account's email by opening the mailbox link and pressing the button, as a person would. */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  const link = await newestMailLink(page, email, '/verify-email');
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByText('Your email is confirmed')).toBeVisible();
}

/** A verified customer account, ready to sign in. */
export async function createVerifiedAccount(page: Page, tag: string, name = 'Test Person') {
  const account = await createAccount(page.request, tag, name);
  await confirmEmail(page, account.email);
  return account;
}

/** Screenshot into .artifacts/screenshots/<name>.png (full page unless an overlay is the subject). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `.artifacts/screenshots/${name}.png`, fullPage });
}

/** A same-origin JSON POST to the API with an Idempotency-Key, as a signed-in page's request context. */
export async function apiPost(request: APIRequestContext, baseURL: string, path: string, data: unknown, key: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request.post(path, { headers: { origin: baseURL, 'content-type': 'application/json', 'idempotency-key': key }, data });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}
