import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { personas, screenshot, useSession, type PersonaKey } from './helpers';

/**
 * WCAG 2.2 AA (ARCHITECTURE §10): axe finds no serious or critical violation on the public pages
 * and every panel shell, in the light, dark and high-contrast themes; the sign-in form is usable
 * with the keyboard alone.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
type Theme = 'light' | 'dark' | 'contrast';

async function setTheme(page: Page, testInfo: TestInfo, theme: Theme) {
  // The theme is a cookie the server reads (components/ui/theme.ts), so the first paint is themed.
  await page.context().addCookies([{ name: 'theme', value: theme, url: testInfo.project.use.baseURL! }]);
}

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n')}`)
    .join('\n');
  expect(serious, `serious/critical axe violations on ${label}:\n${summary}`).toEqual([]);
  // axe really ran against the page (guards against an empty result from a failed injection).
  expect(results.passes.length).toBeGreaterThan(10);
}

const pages: { path: string; as: PersonaKey | null; heading: string | RegExp; themes: Theme[] }[] = [
  { path: '/', as: null, heading: 'Trusted local services, matched to your zone.', themes: ['light', 'dark', 'contrast'] },
  { path: '/sign-in', as: null, heading: 'Sign in to Fixnado', themes: ['light'] },
  { path: '/sign-up', as: null, heading: 'Create your Fixnado account', themes: ['light'] },
  { path: '/account', as: 'customer', heading: personas.customer.heading, themes: ['light'] },
  { path: '/provider', as: 'provider', heading: personas.provider.heading, themes: ['light'] },
  { path: '/enterprise', as: 'enterprise', heading: personas.enterprise.heading, themes: ['light'] },
  { path: '/admin', as: 'admin', heading: 'Overview', themes: ['light', 'dark', 'contrast'] },
  { path: '/admin/rbac', as: 'admin', heading: 'Roles & access', themes: ['light'] },
  // Marketplace, rentals and inventory: the public shop window and each side's working screen.
  { path: '/marketplace', as: null, heading: 'Marketplace', themes: ['light', 'dark'] },
  { path: '/p/thames-home-services', as: null, heading: 'Thames Home Services', themes: ['light'] },
  { path: '/account/rentals', as: 'customer', heading: 'My rentals', themes: ['light'] },
  { path: '/provider/inventory', as: 'provider', heading: 'Inventory', themes: ['light'] },
  { path: '/provider/rentals', as: 'provider', heading: 'Rental desk', themes: ['light'] },
  { path: '/admin/moderation', as: 'operations', heading: 'Listing moderation', themes: ['light'] },
  { path: '/admin/orders', as: 'operations', heading: 'Orders', themes: ['light'] },
];

for (const p of pages) {
  for (const theme of p.themes) {
    test(`axe: ${p.path}${p.as ? ` as ${p.as}` : ''} in the ${theme} theme`, async ({ page }, testInfo) => {
      if (p.as) await useSession(page, p.as);
      await setTheme(page, testInfo, theme);
      const res = await page.goto(p.path);
      expect(res?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.heading);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, testInfo, `${p.path}-${theme}`.replace(/\//g, '_'));
      if (theme !== 'light') await screenshot(page, `theme-${theme}-${p.path === '/' ? 'home' : p.path.slice(1).replace(/\//g, '-')}`);
    });
  }
}

test('axe: the explorer with its map loaded, then with a zone insight open', async ({ page }, testInfo) => {
  await page.goto('/');
  const map = page.getByTestId('explorer-map');
  await expect(map.locator('[data-map-state="ready"]')).toBeVisible({ timeout: 20_000 });
  await expect(map).toHaveAttribute('data-loading', 'false');
  await page.waitForLoadState('networkidle');
  await expectNoSeriousViolations(page, testInfo, 'explorer-map');
  await page.getByRole('region', { name: 'Zones in view' }).getByRole('button').first().click();
  await expect(page.getByTestId('zone-insight').getByTestId('insight-age')).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'explorer-insight');
});

test('keyboard: on /sign-in, Tab reaches the skip link first, then email, password and Sign in; Enter submits', async ({ page }) => {
  await page.goto('/sign-in');
  await page.waitForLoadState('networkidle');

  /** What has focus, described well enough to tell the controls apart. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const tag = el.tagName.toLowerCase();
      if (tag === 'input') return `input:${el.getAttribute('name')}`;
      return `${tag}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
    });

  await page.keyboard.press('Tab');
  expect(await focused()).toBe('a:Skip to main content');
  // The skip link is visible while focused (it is clipped otherwise).
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeVisible();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(24);

  // Tab on through the header and into the form, recording the order.
  const order: string[] = [];
  for (let i = 0; i < 15 && !order.includes('button:Sign in'); i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  const emailAt = order.indexOf('input:email');
  expect(emailAt, `focus order: ${order.join(' → ')}`).toBeGreaterThan(-1);
  expect(order.slice(emailAt, emailAt + 3), `focus order: ${order.join(' → ')}`).toEqual(['input:email', 'input:password', 'button:Sign in']);

  // Skip link really skips: activating it puts the next Tab inside <main>, before the form.
  await page.goto('/sign-in');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  const afterSkip: string[] = [];
  for (let i = 0; i < 3 && !afterSkip.includes('input:email'); i++) {
    await page.keyboard.press('Tab');
    afterSkip.push(await focused());
  }
  expect(afterSkip, `after the skip link: ${afterSkip.join(' → ')}`).toContain('input:email');
  expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);

  // Type the credentials and submit with Enter from the password field.
  await page.keyboard.type(personas.operations.email);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:password');
  await page.keyboard.type('fixnado-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === personas.operations.landing);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(personas.operations.heading);
});
