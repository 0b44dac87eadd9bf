import { expect, test, type Page } from '@playwright/test';
import { personas, screenshot, useSession } from './helpers';

/**
 * Phones (the `phone` project: Pixel 7, 412 px wide, touch). No page scrolls sideways, and the
 * panel navigation is a drawer behind "Open menu" that Escape closes.
 */

// playwright.config.ts runs this file in the phone project only (the desktop project ignores it).
async function expectNoHorizontalOverflow(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

async function openMenu(page: Page) {
  const button = page.getByRole('button', { name: 'Open menu' });
  await expect(button).toBeVisible();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  // A tap that lands before hydration does nothing (the drawer also loads on first open): retry.
  await expect(async () => {
    if (!(await drawer.isVisible())) await button.click();
    await expect(drawer).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  // While the modal drawer is open the rest of the page is hidden from assistive tech (so the
  // role locator no longer finds the trigger): check its state through the DOM.
  await expect(page.locator('button[aria-label="Open menu"]')).toHaveAttribute('aria-expanded', 'true');
  return { button, drawer };
}

test('home page fits the phone and its menu offers sign-in and sign-up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalOverflow(page, 'home');
  await screenshot(page, 'phone-home');

  const { button, drawer } = await openMenu(page);
  await expect(drawer.getByRole('navigation', { name: 'Fixnado' }).getByRole('link')).toHaveText(['Home', 'Marketplace', 'Sign in', 'Create account', 'List your business']);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('sign-in page fits the phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Fixnado' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoHorizontalOverflow(page, '/sign-in');
  await screenshot(page, 'phone-sign-in');
});

test('admin shell: no overflow, the sidebar becomes a drawer with the panel links, Escape closes it', async ({ page }) => {
  await useSession(page, 'admin');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // The desktop sidebar is hidden on phones; the drawer is the way in.
  await expect(page.getByRole('complementary', { name: 'Platform admin navigation' })).toBeHidden();
  await expectNoHorizontalOverflow(page, '/admin');
  await screenshot(page, 'phone-admin');

  const { button, drawer } = await openMenu(page);
  await expect(drawer.getByRole('navigation', { name: 'Platform admin' }).getByRole('link')).toHaveText(personas.admin.nav);
  await expect(drawer.getByRole('link', { name: 'Home' })).toBeVisible();
  await screenshot(page, 'phone-admin-menu', false);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(button).toBeFocused();

  // A drawer link navigates and closes the drawer.
  await openMenu(page);
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Roles & access' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/admin/rbac');
  await expect(page.getByRole('heading', { level: 1, name: 'Roles & access' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Menu' })).toBeHidden();
  await expectNoHorizontalOverflow(page, '/admin/rbac');
  await screenshot(page, 'phone-admin-rbac');
});

test.describe('small phone (360×740)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('home, sign-in and the admin shell have no horizontal overflow', async ({ page }) => {
    for (const [path, name] of [
      ['/', 'phone-360-home'],
      ['/sign-in', 'phone-360-sign-in'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page, `${path} at 360px`);
      await screenshot(page, name);
    }
    await useSession(page, 'admin');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expectNoHorizontalOverflow(page, '/admin at 360px');
    await screenshot(page, 'phone-360-admin');
    const { drawer } = await openMenu(page);
    await expect(drawer.getByRole('navigation', { name: 'Platform admin' }).getByRole('link')).toHaveText(personas.admin.nav);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
});
