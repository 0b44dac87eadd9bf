import { expect, test } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { apiPost, newSessionPage, screenshot, useSession } from './helpers';

/**
 * A dispute end to end, each step by its persona in the browser: a booking is made and completed
 * over the API (as booking-lifecycle-api.spec.ts does) → the customer opens a dispute with a photo
 * from the booking page → the provider responds → operations resolve with a partial refund → both
 * parties see the outcome and the refund: the customer on the dispute and as a credit note on the
 * booking's receipt, the provider on the dispute and in its payouts statement.
 */

const HANDYMAN = seedId('service:thames-home-services:2');
const SAM = seedId('serviceman:thames-home-services:0');
const BRIXTON = { lon: -0.1145, lat: 51.4627 };
// A 1×1 PNG, so the upload's content sniffing accepts it as an image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const post = apiPost;

test('customer opens a dispute → provider responds → operations refund part → both see the outcome', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const run = `${Date.now()}`;
  await useSession(page, 'customer');
  const slotsRes = await page.request.get(`/api/v1/services/${HANDYMAN}/slots?days=14&timeZone=Europe/London`);
  expect(slotsRes.status(), await slotsRes.text()).toBe(200);
  const slots = (await slotsRes.json()) as { days: { date: string; slots: { startsAt: string }[] }[] };
  // The third-to-last free day, apart from the other journeys' slots.
  const days = slots.days.filter((d) => d.slots.length);
  const day = days[Math.max(0, days.length - 3)];
  const startsAt = day.slots[day.slots.length - 1].startsAt;
  const created = await post(page.request, baseURL!, '/api/v1/bookings', { serviceId: HANDYMAN, type: 'scheduled', startsAt, location: BRIXTON, addressLine: '7 Atlantic Road, London SW9 8HX', paymentMethod: 'pm_card_visa' }, `dispute-book-${run}`);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const { id: bookingId, reference: bookingReference } = created.body.booking as { id: string; reference: string };

  const provider = await newSessionPage(browser, testInfo, 'provider');
  const serviceman = await newSessionPage(browser, testInfo, 'serviceman');
  const ops = await newSessionPage(browser, testInfo, 'operations');
  try {
    expect((await post(provider.page.request, baseURL!, `/api/v1/bookings/${bookingId}/assign`, { leadId: SAM, supportIds: [] }, `dispute-assign-${run}`)).status).toBe(200);
    expect((await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${bookingId}/check-in`, {}, `dispute-start-${run}`)).status).toBe(200);
    expect((await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${bookingId}/complete`, {}, `dispute-done-${run}`)).status).toBe(200);

    // The customer opens the dispute from the booking page, with a photo.
    await page.goto(`/account/bookings/${bookingId}`);
    await page.getByTestId('open-dispute').click();
    await expect(page.getByRole('heading', { name: 'Open a dispute' })).toBeVisible();
    await page.getByLabel('What went wrong?').selectOption('quality');
    await page.getByLabel('Describe the problem').fill('The shelves are not level and one bracket is already loose.');
    await page.getByLabel('Evidence files (optional)').setInputFiles({ name: 'bracket.png', mimeType: 'image/png', buffer: PNG });
    await screenshot(page, 'dispute-open-form');
    await page.getByRole('button', { name: 'Open dispute' }).click();
    await expect(page).toHaveURL(/\/account\/disputes\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('dispute-status')).toHaveText('Awaiting response');
    await expect(page.getByTestId('dispute-evidence')).toContainText('bracket.png');
    const disputeId = page.url().split('/').pop()!;
    const reference = ((await (await page.request.get(`/api/v1/disputes/${disputeId}`)).json()) as { reference: string }).reference;

    // The provider sees the customer's photo and responds.
    await provider.page.goto(`/provider/disputes/${disputeId}`);
    await expect(provider.page.getByTestId('dispute-evidence')).toContainText('bracket.png');
    await provider.page.getByLabel('Your response').fill('The brackets were fitted to the customer’s chosen height; we can come back to re-level them.');
    await provider.page.getByRole('button', { name: 'Send response' }).click();
    await expect(provider.page.getByTestId('dispute-status')).toHaveText('Under review');

    // Operations find it in the queue and resolve with a partial refund of £20.
    await ops.page.goto('/admin/disputes?status=under_review');
    await expect(ops.page.getByRole('link', { name: reference })).toBeVisible();
    await screenshot(ops.page, 'dispute-admin-queue');
    await ops.page.getByRole('link', { name: reference }).click();
    await expect(ops.page.getByRole('heading', { name: 'Resolve' })).toBeVisible();
    await ops.page.getByLabel('Outcome').selectOption('partial_refund');
    await ops.page.getByLabel('Refund amount (GBP)').fill('99999');
    await expect(ops.page.getByText(/must be more than 0 and less than/)).toBeVisible();
    await ops.page.getByLabel('Refund amount (GBP)').fill('20.00');
    await ops.page.getByLabel('Note to both parties').fill('The bracket needs refitting: £20 back, the rest of the job stands.');
    await screenshot(ops.page, 'dispute-admin-resolve');
    await ops.page.getByRole('button', { name: 'Resolve dispute' }).click();
    await expect(ops.page.getByTestId('dispute-status')).toHaveText('Resolved');
    await expect(ops.page.getByTestId('dispute-refund')).toHaveText('£20');

    // Both parties see the outcome and the refund.
    await page.reload();
    await expect(page.getByTestId('dispute-status')).toHaveText('Resolved');
    await expect(page.getByTestId('dispute-outcome')).toContainText('Partial refund');
    await expect(page.getByTestId('dispute-refund')).toHaveText('£20');
    await screenshot(page, 'dispute-customer-resolved');
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'dispute-customer-resolved-360');
    await page.goto(`/account/bookings/${bookingId}/receipt`);
    await expect(page.getByRole('heading', { name: 'Credit notes' })).toBeVisible();

    await provider.page.goto(`/provider/disputes/${disputeId}`);
    await expect(provider.page.getByTestId('dispute-refund')).toHaveText('£20');
    await screenshot(provider.page, 'dispute-provider-resolved');
    await provider.page.goto('/provider/payouts');
    // The statement shows the refund taken back from the provider's pending share of that booking.
    await expect(provider.page.getByRole('row').filter({ hasText: bookingReference }).filter({ hasText: 'Refund' }).first()).toBeVisible();
  } finally {
    await provider.context.close();
    await serviceman.context.close();
    await ops.context.close();
  }
});
