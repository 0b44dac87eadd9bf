import { expect, test } from '@playwright/test';
import { allPanelNav, newSessionPage, personas, screenshot, signIn, useSession } from './helpers';

/**
 * Every demo persona signs in through the form, lands on the panel their roles open, and sees
 * only the navigation their roles allow (the sidebar is filtered by role, ARCHITECTURE §6).
 */
for (const persona of Object.values(personas)) {
  test(`${persona.key} signs in and lands on ${persona.landing} with the right navigation`, async ({ page }) => {
    await signIn(page, persona.email);
    await expect(page).toHaveURL((url) => url.pathname === persona.landing);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(persona.heading);
    // Their name: in the header (desktop) and, on the admin overview, in the page description too.
    const header = page.getByRole('banner');
    await expect(header.getByText(persona.name, { exact: true })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // Header: exactly the panels this persona can open.
    await expect(header.getByRole('navigation', { name: 'Panels' }).getByRole('link')).toHaveText(persona.headerPanels);

    // Sidebar: exactly the allowed items, in order; every other item of the panel is absent.
    const sidebar = page.getByRole('complementary', { name: `${persona.panel} navigation` });
    await expect(sidebar.getByText(persona.panel, { exact: true })).toBeVisible();
    const nav = sidebar.getByRole('navigation', { name: persona.panel });
    await expect(nav.getByRole('link')).toHaveText(persona.nav);
    for (const denied of allPanelNav[persona.panel].filter((label) => !persona.nav.includes(label))) {
      await expect(nav.getByRole('link', { name: denied, exact: true })).toHaveCount(0);
    }
    // The current page is marked in the sidebar.
    await expect(nav.getByRole('link', { name: persona.nav[0], exact: true })).toHaveAttribute('aria-current', 'page');

    await screenshot(page, persona.key);
  });
}

test('operations sees Feature toggles but not Roles & access; marketing sees neither', async ({ page, browser }, testInfo) => {
  // The headline RBAC rule, spelled out on its own so a regression names it.
  await useSession(page, 'operations');
  await page.goto('/admin');
  const opsNav = page.getByRole('navigation', { name: 'Platform admin' }).first();
  await expect(opsNav.getByRole('link', { name: 'Feature toggles' })).toBeVisible();
  await expect(opsNav.getByRole('link', { name: 'Roles & access' })).toHaveCount(0);
  await page.goto('/admin/toggles');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toHaveCount(0);
  await page.goto('/admin/rbac');
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText('Grant a role')).toHaveCount(0);

  const marketing = await newSessionPage(browser, testInfo, 'marketing');
  try {
    const mPage = marketing.page;
    await mPage.goto('/admin');
    const mNav = mPage.getByRole('navigation', { name: 'Platform admin' }).first();
    await expect(mNav.getByRole('link', { name: 'Overview' })).toBeVisible();
    await expect(mNav.getByRole('link', { name: 'Feature toggles' })).toHaveCount(0);
    await expect(mNav.getByRole('link', { name: 'Roles & access' })).toHaveCount(0);
    for (const path of ['/admin/toggles', '/admin/rbac', '/admin/audit']) {
      await mPage.goto(path);
      await expect(mPage.getByRole('heading', { level: 1, name: "You don't have access to this page" }), `marketing on ${path}`).toBeVisible();
    }
  } finally {
    await marketing.context.close();
  }
});
