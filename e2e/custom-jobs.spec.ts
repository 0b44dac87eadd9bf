import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, newSessionPage, screenshot, useSession } from './helpers';

/**
 * Custom jobs in the browser: the second demo provider (provider2@, East End Handyman, which covers
 * Lambeth for Handyman work) opens its live job feed first; the demo customer then posts a
 * Handyman job in Brixton with a photo through the form, from another browser context; the card
 * appears in the provider's feed over the live stream, without the feed page reloading.
 */

// A 1×1 PNG, so the upload's content sniffing accepts it as an image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PROVIDER2 = { email: 'provider2@fixnado.test', password: DEMO_PASSWORD };

test('a job posted with a photo appears live in an eligible provider’s feed', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Hang a heavy mirror ${Date.now().toString(36)}`;

  // The provider's feed, open before the job exists.
  const provider = await newSessionPage(browser, testInfo, PROVIDER2);
  await provider.page.goto('/provider/job-feed');
  await expect(provider.page.getByRole('heading', { level: 1, name: 'Job feed' })).toBeVisible();
  await expect(provider.page.getByTestId('feed-live')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(provider.page.getByTestId('feed-card').first()).toBeVisible();
  // A marker that a reload or navigation would wipe.
  await provider.page.evaluate(() => ((window as unknown as { __feedMarker: number }).__feedMarker = 42));
  await expect(provider.page.getByText(title)).toHaveCount(0);

  // The customer posts through the form.
  await useSession(page, 'customer');
  await page.goto('/account/jobs');
  await page.getByRole('link', { name: 'Post a job' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post a custom job' })).toBeVisible();
  // Submitting empty names every missing field.
  await page.getByRole('button', { name: 'Post job' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByText('Enter at least 5 characters.')).toBeVisible();
  await expect(page.getByText('Choose a category.')).toBeVisible();

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('A 25 kg mirror to hang over the fireplace on a solid brick chimney breast; fixings needed.');
  await page.getByLabel('Category').selectOption({ label: 'Handyman' });
  const search = page.getByRole('combobox', { name: 'Search a place or postcode' });
  await search.fill('Brixton');
  await expect(page.getByRole('listbox', { name: 'Places' }).getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByTestId('job-location')).toContainText('Brixton');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill('9 Atlantic Road, London SW9 8HX');
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('60');
  await page.getByRole('textbox', { name: 'Up to', exact: true }).fill('150');
  await page.locator('input[type="file"]').setInputFiles({ name: 'mirror.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: 'Photo 1: mirror.png' })).toBeVisible();
  await screenshot(page, 'custom-job-new');
  await page.getByRole('button', { name: 'Post job' }).click();

  await page.waitForURL(/\/account\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Photo 1 of the job' })).toBeVisible();
  await expect(page.getByText('Open for bids')).toBeVisible();
  await screenshot(page, 'custom-job-detail');

  // The provider's feed shows it without a reload.
  const card = provider.page.getByTestId('feed-card').filter({ hasText: title });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText('New')).toBeVisible();
  await expect(card).toContainText('Handyman');
  expect(await provider.page.evaluate(() => (window as unknown as { __feedMarker?: number }).__feedMarker)).toBe(42);
  await screenshot(provider.page, 'custom-job-feed');

  // The same pages at 360 px.
  await provider.page.setViewportSize({ width: 360, height: 780 });
  await screenshot(provider.page, 'custom-job-feed-360');
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, 'custom-job-detail-360');
  await page.goto('/account/jobs/new');
  await screenshot(page, 'custom-job-new-360');
  await page.goto('/account/jobs');
  await expect(page.getByTestId('job-item').filter({ hasText: title })).toBeVisible();
  await screenshot(page, 'custom-jobs-list-360');
  await provider.context.close();
});
