import { expect, test, type Page } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * The zone screens at 360 px (the narrowest phone we support): nothing scrolls sideways — the
 * wide zone table scrolls inside its own region — and the drawing map sits above the form.
 */

test.use({ viewport: { width: 360, height: 780 } });

async function expectNoHorizontalOverflow(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

test('the zone list fits 360 px', async ({ page }) => {
  await useSession(page, 'operations');
  await page.goto('/admin/zones');
  await expect(page.getByRole('heading', { level: 1, name: 'Zones' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoHorizontalOverflow(page, '/admin/zones');
  await screenshot(page, 'phone-zones-list');
});

test('the zone editor puts the map above the form at 360 px', async ({ page }) => {
  await useSession(page, 'operations');
  await page.goto('/admin/zones/new');
  const map = page.getByRole('region', { name: 'Zone drawing map' });
  await expect(map).toHaveAttribute('data-map-state', 'ready', { timeout: 20_000 });
  const mapBox = (await map.boundingBox())!;
  const nameBox = (await page.getByLabel('Name').boundingBox())!;
  expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(nameBox.y);
  await expectNoHorizontalOverflow(page, '/admin/zones/new');
  await screenshot(page, 'phone-zone-editor');
});
