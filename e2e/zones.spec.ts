import { expect, test, type Page } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * Zone drawing and coverage on a laptop. An operations user draws a bow-tie with terra-draw by
 * clicking the map canvas, is told in words that the outline crosses itself (nothing is saved),
 * then draws a valid zone near Reading — outside the seeded London zones, so no same-owner
 * overlap — and lands on the new zone's page. A provider admin saves a coverage change.
 * The server runs the offline map style, so nothing here needs the network.
 */

const READING = { lon: -0.98, lat: 51.45 };

async function openDrawingMap(page: Page, name: string) {
  await page.goto(`/admin/zones/new?lon=${READING.lon}&lat=${READING.lat}&zoom=13`);
  await expect(page.getByRole('heading', { level: 1, name: 'New zone' })).toBeVisible();
  const region = page.getByRole('region', { name: 'Zone drawing map' });
  await expect(region).toHaveAttribute('data-map-state', 'ready', { timeout: 20_000 });
  const draw = page.getByRole('button', { name: 'Draw polygon' });
  // Enabled once terra-draw has attached to the loaded map.
  await expect(draw).toBeEnabled({ timeout: 20_000 });
  await page.getByLabel('Name').fill(name);
  return { region, draw, canvas: region.locator('canvas').first() };
}

/** Clicks the corners in order, then the first corner again to close the ring (terra-draw's finish). */
async function drawPolygon(page: Page, canvas: ReturnType<Page['locator']>, corners: Array<[number, number]>) {
  const box = (await canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [...corners, corners[0]]) {
    await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
    await page.mouse.click(cx + dx, cy + dy);
    // Apart enough that the map does not read two clicks as a double-click zoom.
    await page.waitForTimeout(350);
  }
}

async function mapIdle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

test('operations draws a bow-tie, reads why it is refused, then saves a valid zone', async ({ page }) => {
  test.setTimeout(120_000);
  await useSession(page, 'operations');
  const { draw, canvas } = await openDrawingMap(page, 'E2E Reading bow-tie');

  await draw.click();
  await expect(draw).toHaveAttribute('aria-pressed', 'true');
  // A bow-tie: the second edge crosses the fourth.
  await drawPolygon(page, canvas, [
    [-120, -90],
    [120, 90],
    [120, -90],
    [-120, 90],
  ]);
  const geojson = page.getByRole('textbox', { name: 'GeoJSON' });
  await expect(geojson).toHaveValue(/"Polygon"/);
  await expect(page.getByTestId('geojson-preview')).toHaveText(/Polygon with 1 part/);
  const ring = (JSON.parse(await geojson.inputValue()) as { coordinates: number[][][] }).coordinates[0];
  expect(ring).toHaveLength(5);
  await mapIdle(page);
  await screenshot(page, 'zones-bowtie-drawn');

  await page.getByRole('button', { name: 'Save zone' }).click();
  // The reason is named (PostGIS wording differs between versions; the class and place do not).
  const fieldError = page.locator('[id$="-geometry-error"]');
  await expect(fieldError).toContainText(/self-intersection/i);
  await expect(fieldError).toContainText(/near -?\d+\.\d+, \d+\.\d+/);
  await expect(page.getByRole('alert').filter({ hasText: /self-intersection/i }).first()).toBeVisible();
  // Focus moves to the first field with an error: the GeoJSON textarea.
  await expect(geojson).toBeFocused();
  await expect(page).toHaveURL(/\/admin\/zones\/new/);
  await screenshot(page, 'zones-bowtie-refused');

  // Clear and draw a valid square in the same empty area.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(geojson).toHaveValue('');
  await page.getByLabel('Name').fill('E2E Reading centre');
  // Drawing mode stays on after a shape is finished, ready for the next one.
  if ((await draw.getAttribute('aria-pressed')) !== 'true') await draw.click();
  await expect(draw).toHaveAttribute('aria-pressed', 'true');
  await drawPolygon(page, canvas, [
    [-120, -90],
    [120, -90],
    [120, 90],
    [-120, 90],
  ]);
  await expect(page.getByTestId('geojson-preview')).toHaveText(/Polygon with 1 part/);
  await page.getByLabel('Demand level').selectOption('low');
  await page.getByLabel('Arrival (min)').fill('45');
  await page.getByRole('button', { name: 'Save zone' }).click();

  await page.waitForURL(/\/admin\/zones\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'E2E Reading centre' })).toBeVisible();
  await expect(page.getByLabel('Arrival (min)')).toHaveValue('45');
  await expect(page.getByRole('region', { name: 'Zone drawing map' })).toHaveAttribute('data-map-state', 'ready', { timeout: 20_000 });
  await mapIdle(page);
  await screenshot(page, 'zones-saved');

  // The list shows it (drafts are listed with the rest).
  await page.goto('/admin/zones?q=E2E+Reading');
  await expect(page.getByRole('link', { name: 'E2E Reading centre' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'E2E Reading bow-tie' })).toHaveCount(0);
});

test('the zone list shows analytics and filters by URL', async ({ page }) => {
  await useSession(page, 'operations');
  await page.goto('/admin/zones?demand=high');
  await expect(page.getByRole('heading', { level: 1, name: 'Zones' })).toBeVisible();
  await expect(page.getByLabel('Demand')).toHaveValue('high');
  const rows = page.getByRole('table').getByRole('row');
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(page.getByRole('table')).not.toContainText('Low');
  await expect(page.getByRole('link', { name: 'Export GeoJSON' })).toHaveAttribute('href', /\/api\/v1\/geo\/zones\/export\?scope=platform/);
  await page.getByRole('button', { name: 'Run analytics now' }).click();
  await expect(page.getByTestId('last-analytics-run')).toContainText(/queued/i);
  await screenshot(page, 'zones-list');
});

test('an import names the failing feature and imports nothing', async ({ page }) => {
  await useSession(page, 'operations');
  await page.goto('/admin/zones/import');
  const square = (x: number, y: number) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'E2E import ok' }, geometry: { type: 'Polygon', coordinates: square(-1.3, 51.7) } },
      { type: 'Feature', properties: { name: 'E2E import bad' }, geometry: { type: 'Polygon', coordinates: [[[-1.2, 51.7], [-1.19, 51.71], [-1.19, 51.7], [-1.2, 51.71], [-1.2, 51.7]]] } },
    ],
  };
  await page.getByRole('textbox', { name: 'GeoJSON' }).fill(JSON.stringify(fc));
  await expect(page.getByTestId('import-preview')).toHaveText('2 features found.');
  await page.getByRole('button', { name: 'Import zones' }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('Feature 2 “E2E import bad”');
  await expect(error).toContainText(/self-intersection/i);
  await screenshot(page, 'zones-import-error');
  await page.goto('/admin/zones?q=E2E+import');
  await expect(page.getByRole('link', { name: 'E2E import ok' })).toHaveCount(0);
});

test('the matching tool explains the ranking for a typed point', async ({ page }) => {
  await useSession(page, 'operations');
  await page.goto('/admin/matching');
  await page.getByLabel('Longitude').fill('-0.1246');
  await page.getByLabel('Latitude').fill('51.5007');
  await page.getByRole('button', { name: 'Match this point' }).click();
  const results = page.getByTestId('match-results');
  await expect(results).toBeVisible({ timeout: 15_000 });
  await expect(results.getByText('Contains the point').first()).toBeVisible();
  const first = page.getByTestId('match-provider').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('table')).toContainText('Distance');
  await mapIdle(page);
  await screenshot(page, 'matching-tool');
});

test('a provider admin changes coverage and it saves', async ({ page }) => {
  await useSession(page, 'provider');
  await page.goto('/provider/zones');
  await expect(page.getByRole('heading', { level: 1, name: 'Zones & coverage' })).toBeVisible();
  const card = page.getByTestId('coverage-zone').first();
  await expect(card).toBeVisible();
  const priority = card.getByRole('combobox', { name: /^Priority for / }).and(card.locator(':enabled')).first();
  const next = (await priority.inputValue()) === '2' ? '3' : '2';
  await priority.selectOption(next);
  await card.getByRole('button', { name: /^Save coverage/ }).click();
  await expect(page.getByText(/^Coverage saved for /)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('coverage-zone').first().getByRole('combobox', { name: /^Priority for / }).and(page.locator(':enabled')).first()).toHaveValue(next);
  await screenshot(page, 'provider-coverage');
});

test('a customer sees their saved providers (or how to save some)', async ({ page }) => {
  await useSession(page, 'customer');
  await page.goto('/account/favourites');
  await expect(page.getByRole('heading', { level: 1, name: 'Saved providers' })).toBeVisible();
  const saved = page.getByTestId('favourite');
  if ((await saved.count()) === 0) {
    await expect(page.getByRole('heading', { name: 'No saved providers yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Explore providers' })).toHaveAttribute('href', '/');
  } else {
    await expect(saved.first().getByRole('button', { name: /^Remove/ })).toBeVisible();
  }
  await screenshot(page, 'account-favourites');
});
