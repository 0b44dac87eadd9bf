import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers';

/**
 * The explorer on phones (the `phone` project): the list comes first, a List/Map toggle (kept in
 * the URL) swaps to the map, filters fold into a sheet with a count of active filters, and
 * nothing scrolls sideways — down to 360 px.
 */

async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

/** A tap that lands before hydration does nothing: retry until the state shows. */
async function tapUntil(page: Page, name: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.getByRole('button', { name, exact: true }).click();
    await check();
  }).toPass({ timeout: 15_000 });
}

for (const width of [412, 360]) {
  test(`explorer at ${width}px: list first, a List/Map toggle, filters in a sheet, no sideways scroll`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const count = page.getByTestId('result-count');
    await expect(count).toHaveText(/providers? in this area/);
    await expect(page.getByTestId('provider-card').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'List', exact: true })).toHaveAttribute('aria-pressed', 'true');
    // The map is not loaded in list view on a phone.
    await expect(page.getByTestId('explorer-map')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page, `list at ${width}px`);
    await screenshot(page, `phone-${width}-explorer-list`, false);

    await tapUntil(page, 'Map', async () => {
      await expect(page.getByRole('button', { name: 'Map', exact: true })).toHaveAttribute('aria-pressed', 'true', { timeout: 2_000 });
    });
    await expect(page).toHaveURL(/[?&]view=map(&|$)/);
    const map = page.getByTestId('explorer-map');
    await expect(map.locator('[data-map-state="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(map).toHaveAttribute('data-loading', 'false');
    await expect(map).toHaveAttribute('data-total', /^\d+$/);
    // Both numbers read in one evaluate, and retried: two separate one-off reads can straddle a
    // re-search (the map's moveend) and compare one result's total with the next one's markers.
    await expect.poll(() => map.evaluate((el) => el.getAttribute('data-marker-total') === el.getAttribute('data-total'))).toBe(true);
    await expect(page.getByTestId('provider-card').first()).toBeHidden();
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(width - 2);
    expect(box.height).toBeGreaterThan(300);
    await expectNoHorizontalOverflow(page, `map at ${width}px`);
    await page.waitForTimeout(400);
    await screenshot(page, `phone-${width}-explorer-map`, false);

    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(page).not.toHaveURL(/view=map/);
    await expect(page.getByTestId('provider-card').first()).toBeVisible();

    // Filters: a sheet with the same fields; the trigger counts active filters.
    await page.getByRole('button', { name: /^Filters/ }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    await sheet.getByLabel('Open now').check();
    await expect(page).toHaveURL(/[?&]available=1(&|$)/);
    await expectNoHorizontalOverflow(page, `filter sheet at ${width}px`);
    await screenshot(page, `phone-${width}-explorer-filters`, false);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
    await expect(count).toHaveText(/providers? in this area/);
  });
}
