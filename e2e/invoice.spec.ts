import { expect, test } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { apiPost, newSessionPage, screenshot, useSession } from './helpers';

/**
 * VAT invoices: a customer's booking is paid (captured at check-in) and completed over the API;
 * the customer opens the booking's invoice — number, supplier and buyer details, lines with their
 * VAT rate, net / VAT / gross — and finds it in Billing & invoices. The provider's business
 * details and the enterprise billing page render with the seeded details.
 */

const HANDYMAN = seedId('service:thames-home-services:2');
const SAM = seedId('serviceman:thames-home-services:0');
const BRIXTON = { lon: -0.1145, lat: 51.4627 };

const post = apiPost;

test('a customer opens the VAT invoice of a completed booking', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const run = `${Date.now()}`;
  await useSession(page, 'customer');
  const slotsRes = await page.request.get(`/api/v1/services/${HANDYMAN}/slots?days=14&timeZone=Europe/London`);
  expect(slotsRes.status(), await slotsRes.text()).toBe(200);
  const slots = (await slotsRes.json()) as { days: { date: string; slots: { startsAt: string }[] }[] };
  // A slot in the middle of the fortnight: other journeys take the first and the last free slots.
  const withSlots = slots.days.filter((d) => d.slots.length);
  const day = withSlots[Math.floor(withSlots.length / 2)];
  const startsAt = day.slots[Math.floor(day.slots.length / 2)].startsAt;
  const created = await post(
    page.request,
    baseURL!,
    '/api/v1/bookings',
    { serviceId: HANDYMAN, type: 'scheduled', startsAt, location: BRIXTON, addressLine: '10 Electric Avenue, London SW9 8JX', paymentMethod: 'pm_card_visa' },
    `invoice-${run}`,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const booking = created.body.booking as { id: string; reference: string };

  const provider = await newSessionPage(browser, testInfo, 'provider');
  const serviceman = await newSessionPage(browser, testInfo, 'serviceman');
  try {
    const assigned = await post(provider.page.request, baseURL!, `/api/v1/bookings/${booking.id}/assign`, { leadId: SAM, supportIds: [] }, `inv-assign-${run}`);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const started = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/check-in`, {}, `inv-start-${run}`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const done = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/complete`, {}, `inv-done-${run}`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    // The invoice: number, the parties with VAT numbers, lines with the VAT rate, the totals.
    await page.goto(`/account/bookings/${booking.id}/receipt`);
    await expect(page.getByRole('heading', { level: 1, name: 'VAT invoice' })).toBeVisible();
    const invoice = page.getByTestId('invoice');
    const number = (await invoice.getByTestId('invoice-number').textContent())!.trim();
    expect(number).toMatch(/^FX-\d{4}-\d{6}$/);
    await expect(invoice.getByRole('heading', { name: `VAT invoice ${number}` })).toBeVisible();
    await expect(invoice).toContainText('Thames Home Services Ltd');
    await expect(invoice).toContainText('VAT number: GB123456789');
    await expect(invoice).toContainText('Tax point');
    const lines = invoice.getByTestId('invoice-lines');
    await expect(lines.getByRole('columnheader', { name: 'VAT rate' })).toBeVisible();
    await expect(lines.getByRole('rowheader', { name: /Handyman/ })).toBeVisible();
    await expect(lines.getByRole('rowheader', { name: /Service fee/ })).toBeVisible();
    await expect(lines.getByRole('cell', { name: '20%' })).toHaveCount(2);
    await expect(invoice.getByText('VAT at 20%')).toBeVisible();
    await expect(invoice.getByTestId('invoice-total')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download or print' })).toBeVisible();
    await screenshot(page, 'invoice-desktop');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect(page.getByTestId('invoice-number')).toHaveText(number);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'invoice-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Billing & invoices lists it, linked, with a CSV download; the details form is there.
    await page.goto('/account/billing');
    await expect(page.getByRole('heading', { level: 1, name: 'Billing and invoices' })).toBeVisible();
    await expect(page.getByRole('link', { name: number })).toBeVisible();
    await expect(page.getByRole('button', { name: /Download CSV/ })).toBeVisible();
    await expect(page.getByLabel('VAT number')).toBeVisible();
    await screenshot(page, 'invoice-account-billing');

    // The provider's business details, as seeded, with the invoices it supplied.
    await provider.page.goto('/provider/billing');
    await expect(provider.page.getByRole('heading', { level: 1, name: 'Business details' })).toBeVisible();
    await expect(provider.page.getByLabel('Legal name')).toHaveValue('Thames Home Services Ltd');
    await expect(provider.page.getByRole('cell', { name: booking.reference })).toBeVisible();
    await screenshot(provider.page, 'invoice-provider-billing');
  } finally {
    await provider.context.close();
    await serviceman.context.close();
  }

  const enterprise = await newSessionPage(browser, testInfo, 'enterprise');
  await enterprise.page.goto('/enterprise/billing');
  await expect(enterprise.page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
  await expect(enterprise.page.getByLabel('Legal name')).toHaveValue('Northwind Offices plc');
  await enterprise.page.setViewportSize({ width: 360, height: 800 });
  await enterprise.page.reload();
  expect(await enterprise.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(enterprise.page, 'invoice-enterprise-billing-phone');
  await enterprise.context.close();
});
