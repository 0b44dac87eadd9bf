import { expect, test, type Page } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * The booking wizard end to end on a laptop. The customer books a scheduled "Handyman by the
 * hour" with Thames Home Services (place search → first free slot → Visa test card) and sees it
 * with its breakdown under /account/bookings. Then the slot is filled (Thames has several leads,
 * so the remaining crew is booked through the API) and a second customer (enterprise@, who also
 * holds the customer role) opening the same wizard URL is told the slot was just taken and is
 * offered alternatives.
 */

async function chooseBrixton(page: Page) {
  const search = page.getByRole('combobox', { name: 'Search a place or postcode' });
  await search.fill('Brixton');
  await expect(page.getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByTestId('coverage-status')).toContainText('Thames Home Services covers this address', { timeout: 15_000 });
}

test('a customer books a scheduled job through the wizard; a second customer on the same slot gets alternatives', async ({ page, browser, baseURL }) => {
  await useSession(page, 'customer');
  await page.goto('/book/provider/thames-home-services');
  await expect(page.getByRole('heading', { level: 1, name: 'Thames Home Services' })).toBeVisible();
  await page.getByRole('link', { name: 'Book Handyman by the hour' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Book: Handyman by the hour' })).toBeVisible();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await screenshot(page, 'wizard-1-service');
  await page.getByRole('button', { name: 'Choose the location' }).click();

  await expect(page.getByRole('heading', { name: 'Where is the job?' })).toBeFocused();
  await chooseBrixton(page);
  await screenshot(page, 'wizard-2-location');
  await page.getByRole('button', { name: 'Choose a time' }).click();

  await expect(page.getByRole('heading', { name: 'When?' })).toBeVisible();
  await page.getByRole('radio', { name: /Pick a time/ }).check();
  await expect(page.getByTestId('slot-zone')).toContainText('Europe/London');
  const firstSlot = page.locator('input[name="slot"]').first();
  await expect(firstSlot).toBeAttached({ timeout: 15_000 });
  await page.locator("label:has(input[name=\"slot\"])").first().click();
  await expect(firstSlot).toBeChecked();
  await screenshot(page, 'wizard-3-when');
  await page.getByRole('button', { name: 'Add details' }).click();

  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
  await page.getByLabel('Address').fill('Flat 2, 10 Electric Avenue, London SW9 8JX');
  await page.getByLabel('Notes for the crew (optional)').fill('Ring the top bell.');
  await page.getByRole('button', { name: 'Review' }).click();

  await expect(page.getByRole('heading', { name: 'Review and pay' })).toBeVisible();
  const breakdown = page.getByTestId('price-breakdown');
  await expect(breakdown).toContainText('Service fee');
  await expect(breakdown).toContainText('Total');
  await expect(page.getByTestId('cancellation-terms')).toContainText('6 hours before');
  await page.getByRole('radio', { name: /pm_card_visa/ }).check();
  const wizardUrl = page.url();
  const startsAt = new URL(wizardUrl).searchParams.get('at')!;
  expect(startsAt).toBeTruthy();
  await screenshot(page, 'wizard-5-review');
  await page.getByRole('button', { name: /Confirm and pay/ }).click();

  await page.waitForURL(/\/account\/bookings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('booking-status')).toHaveText('Scheduled');
  await expect(page.getByTestId('booking-when')).toContainText(/GMT|BST/);
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toBeVisible();
  await screenshot(page, 'booking-detail');

  // Cancel dialog shows the fee first (free: within 15 minutes of booking), then is dismissed.
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByTestId('cancellation-fee')).toContainText('Free cancellation');
  await screenshot(page, 'booking-cancel-dialog', false);
  await page.getByRole('button', { name: 'Keep booking' }).click();

  await page.goto('/account/bookings');
  await expect(page.getByTestId('booking-item').filter({ hasText: 'Handyman by the hour' }).first()).toBeVisible();
  await screenshot(page, 'bookings-list');

  // Fill the rest of the crew for that slot through the API, until the slot is gone.
  const serviceId = new URL(wizardUrl).pathname.split('/').pop()!;
  for (let i = 0; i < 6; i++) {
    const res = await page.request.post('/api/v1/bookings', {
      headers: { origin: baseURL!, 'content-type': 'application/json' },
      data: { serviceId, type: 'scheduled', startsAt, location: { lon: -0.1145, lat: 51.4627 }, addressLine: '1 Filler Street', paymentMethod: 'pm_card_visa' },
    });
    if (res.status() === 409) break;
    expect([200, 201], await res.text()).toContain(res.status());
  }

  // A second customer opens the same wizard URL (their own idempotency key) and confirms.
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  await useSession(other, 'enterprise');
  const url = new URL(wizardUrl);
  url.searchParams.delete('key');
  await other.goto(url.pathname + url.search);
  await expect(other.getByRole('heading', { name: 'Review and pay' })).toBeVisible();
  await expect(other.getByTestId('price-breakdown')).toContainText('Total');
  await other.getByRole('button', { name: /Confirm and pay/ }).click();
  await expect(other.getByTestId('booking-error')).toContainText('That slot was just taken');
  const alternatives = other.getByTestId('alternatives');
  await expect(alternatives.getByRole('button').first()).toBeVisible({ timeout: 15_000 });
  await screenshot(other, 'wizard-slot-taken');
  await context.close();
});

/** The Tuesday at least a week ahead, 10:00 UTC (10:00 or 11:00 in London: inside the crew's hours). */
function tuesdayAhead(): string {
  const d = new Date(Date.now() + 8 * 86_400_000);
  d.setUTCHours(10, 0, 0, 0);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

test('a weekly series shows the price per visit and each visit, then "visit k of N" on each booking', async ({ page }) => {
  await useSession(page, 'customer');
  await page.goto('/book/provider/thames-home-services');
  const href = await page.getByRole('link', { name: 'Book Handyman by the hour' }).getAttribute('href');
  const q = new URLSearchParams({ step: 'review', lon: '-0.1145', lat: '51.4613', place: 'Brixton', line: 'Flat 1, 5 Coldharbour Lane, London SW9 8LF', at: tuesdayAhead(), repeat: 'week', count: '3', key: crypto.randomUUID() });
  await page.goto(`${href}?${q}`);
  await expect(page.getByRole('heading', { name: 'Review and pay' })).toBeVisible();
  const series = page.getByTestId('series-summary');
  await expect(series).toContainText(/£[\d.,]+ per visit × 3 visits = £[\d.,]+/);
  await expect(series.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('cancellation-terms')).toContainText('each of the 3 visits');
  await screenshot(page, 'wizard-series-review');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'wizard-series-review-360');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: /Confirm 3 visits/ }).click();
  await expect(page).toHaveURL(/\/account\/bookings\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  const visits = page.getByTestId('booking-series');
  await expect(visits.getByRole('heading', { name: 'Visit 1 of 3' })).toBeVisible();
  await expect(page.getByTestId('series-price')).toContainText('per visit × 3 visits');
  await visits.getByRole('link').first().click();
  await expect(page.getByTestId('booking-series').getByRole('heading', { name: 'Visit 2 of 3' })).toBeVisible();
  await screenshot(page, 'booking-series-visit');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'booking-series-visit-360');
});
