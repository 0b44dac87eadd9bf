import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { newSessionPage, useSession } from './helpers';

/**
 * The marketplace in the browser: a customer filters the feed to rentals, then buys a material
 * (pickup, test card); the provider marks it collected and the customer sees "Collected". The
 * demo provider's business front shows its badge, listings and areas; operations approve the
 * listing waiting in the moderation queue and it goes live.
 */

const PENDING = seedId('listing:thames:tile-cutter-hire');
const SLUG = 'thames-home-services';

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/marketplace-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `/tmp/shots/marketplace-${name}-360.png`, fullPage: true });
  // Nothing may scroll sideways at 360 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
  if (size) await page.setViewportSize(size);
}

test('customer filters to rentals, buys a material, the provider marks it collected, the customer sees it', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await useSession(page, 'customer');
  await page.goto('/marketplace');
  await expect(page.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: 'Rent' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/mode=rent/);
  const cards = page.getByTestId('listing-card');
  await expect(cards.filter({ hasText: '18V cordless drill hire' })).toBeVisible();
  await expect(cards.filter({ hasText: 'White flexible grout' })).toHaveCount(0);
  await shots(page, 'browse');

  await page.getByRole('radio', { name: 'Buy' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/mode=buy/);
  await cards.filter({ hasText: 'White flexible grout' }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'White flexible grout, 5 kg', level: 1 })).toBeVisible();
  await expect(page.getByText(/Insured seller: .* verified/)).toBeVisible();
  await shots(page, 'listing');
  await page.getByRole('link', { name: 'Buy', exact: true }).click();
  await expect(page.getByTestId('order-total')).toBeVisible();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await shots(page, 'buy');
  await page.getByRole('button', { name: 'Pay and place order' }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  const reference = (await page.getByText(/OR-[0-9A-Z]{8}/).first().textContent())!.match(/OR-[0-9A-Z]{8}/)![0];
  const orderUrl = page.url();

  const provider = await newSessionPage(browser, testInfo, 'provider');
  try {
    await provider.page.goto('/provider/orders?status=paid');
    const row = provider.page.getByTestId('provider-order').filter({ hasText: reference });
    await expect(row).toBeVisible();
    await shots(provider.page, 'provider-orders');
    await row.getByRole('button', { name: /Mark collected/ }).click();
    await expect(provider.page.getByTestId('provider-order').filter({ hasText: reference })).toHaveCount(0);
  } finally {
    await provider.context.close();
  }
  await page.goto(orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('Collected');
  await shots(page, 'order');
});

test('the business front shows the badge, live listings and the areas served', async ({ page }) => {
  await page.goto(`/p/${SLUG}`);
  await expect(page.getByRole('heading', { name: 'Thames Home Services', level: 1 })).toBeVisible();
  await expect(page.getByText(/Insured seller: .* verified/)).toBeVisible();
  await expect(page.getByTestId('front-listings').getByText('18V cordless drill hire')).toBeVisible();
  await expect(page.getByTestId('front-listings').getByText('Electric wet tile cutter hire')).toHaveCount(0);
  const zones = page.getByTestId('front-zones').getByRole('listitem');
  expect(await zones.count()).toBeGreaterThan(0);
  // The map is decoration beside the list; give it a moment to draw before the screenshot.
  await page.locator('[data-map-state="ready"]').waitFor({ timeout: 15_000 }).catch(() => {});
  await shots(page, 'front');
  const missing = await page.goto('/p/no-such-business');
  expect(missing?.status()).toBe(404);
});

test('operations approve the listing waiting for review and it goes live', async ({ page }) => {
  const before = await page.goto(`/marketplace/${PENDING}`);
  expect(before?.status()).toBe(404);
  await useSession(page, 'operations');
  await page.goto('/admin/moderation');
  const item = page.getByTestId('moderation-item').filter({ hasText: 'Electric wet tile cutter hire' });
  await expect(item).toBeVisible();
  await expect(item.getByText('Insured seller')).toBeVisible();
  await shots(page, 'moderation');
  await item.getByRole('button', { name: /^Approve/ }).click();
  await expect(page.getByTestId('moderation-item').filter({ hasText: 'Electric wet tile cutter hire' })).toHaveCount(0);
  await page.goto(`/marketplace/${PENDING}`);
  await expect(page.getByRole('heading', { name: 'Electric wet tile cutter hire', level: 1 })).toBeVisible();
});

test('a provider drafts a listing over its own item and submits it for review', async ({ page }) => {
  await useSession(page, 'provider');
  await page.goto('/provider/listings');
  await expect(page.getByTestId('provider-listing').filter({ hasText: 'Cordless drill (ex-hire) for sale' })).toContainText('Rejected');
  await shots(page, 'provider-listings');
  await page.getByRole('link', { name: 'New listing' }).click();
  await page.getByLabel('What are you listing?').selectOption('tool_rental');
  await page.getByLabel('Inventory item').selectOption({ label: 'Trade emulsion 5 L (white) · THS-PAINT-5L' });
  const title = `Emulsion tin hire ${Date.now().toString(36)}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('Unopened tins for a job; return what you do not use.');
  await shots(page, 'listing-form');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/provider\/listings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('listing-status')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('listing-status')).toHaveText('Pending review');
  await expect(page.getByText('Submitted for review')).toBeVisible();
});
