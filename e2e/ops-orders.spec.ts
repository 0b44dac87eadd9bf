import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { apiPost, newSessionPage, useSession } from './helpers';

/**
 * The operations orders desk: operations find a collected marketplace order by filtering the
 * platform-wide list, open it, and refund it with a reason and a restock behind a confirm step;
 * the result stays on screen and the customer sees the order refunded. The spec makes its own
 * collected order over the API (customer buys, the seller marks it collected), so it never depends
 * on what other specs did to the seeded one.
 */

const GROUT = seedId('listing:thames:grout');

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/orders-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `/tmp/shots/orders-${name}-360.png`, fullPage: true });
  // Nothing may scroll sideways at 360 px (the table scrolls inside its own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
  if (size) await page.setViewportSize(size);
}

test('operations filter to a collected order, refund it with restock, and the customer sees it refunded', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const key = () => `ops-orders-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  // A fresh collected order: the customer buys one bag of grout, the seller hands it over.
  const customer = await newSessionPage(browser, testInfo, 'customer');
  const provider = await newSessionPage(browser, testInfo, 'provider');
  let orderId: string;
  let reference: string;
  let total: string;
  try {
    const bought = await apiPost(customer.page.request, baseURL!, '/api/v1/orders', { listingId: GROUT, quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' }, key());
    expect(bought.status, JSON.stringify(bought.body)).toBe(200);
    orderId = bought.body.id as string;
    reference = bought.body.reference as string;
    const totalMinor = bought.body.totalMinor as number;
    // The app drops the pence of whole amounts (£12, not £12.00).
    total = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: totalMinor % 100 === 0 ? 0 : 2 }).format(totalMinor / 100);
    const collected = await apiPost(provider.page.request, baseURL!, `/api/v1/orders/${orderId}/collect`, {}, key());
    expect(collected.status, JSON.stringify(collected.body)).toBe(200);
  } finally {
    await provider.context.close();
  }

  try {
    // Operations open the desk from the sidebar and filter to that order.
    await useSession(page, 'operations');
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Platform admin' }).getByRole('link', { name: 'Orders', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
    await expect(page.getByTestId('orders-summary')).toContainText(/Showing 1–\d+ of \d+ orders?/);
    await page.getByLabel('Status', { exact: true }).selectOption('collected');
    await page.getByLabel('Search', { exact: true }).fill(reference);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).toHaveURL(/status=collected/);
    await expect(page).toHaveURL(new RegExp(`q=${reference}`));
    await expect(page.getByTestId('orders-summary')).toHaveText('Showing 1–1 of 1 order');
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Thames Home Services');
    await expect(row).toContainText('customer@fixnado.test');
    await expect(row).toContainText('White flexible grout, 5 kg × 1');
    await expect(row).toContainText(total);
    await expect(row).toContainText('Collected');
    await expect(row).toContainText('Pickup');
    await shots(page, 'list');

    // Open it: money lines, payment and timeline.
    await row.getByRole('link', { name: reference }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}$`));
    await expect(page.getByRole('heading', { name: `Order ${reference}`, level: 1 })).toBeVisible();
    await expect(page.getByTestId('order-status')).toHaveText('Collected');
    await expect(page.getByTestId('order-lines')).toContainText('£8.99 × 1');
    await expect(page.getByTestId('order-total')).toHaveText(total);
    await expect(page.getByTestId('payment-status')).toContainText('Captured');
    await expect(page.getByTestId('order-timeline')).toContainText('Collected');

    // Refund with a reason and the restock tick, behind a confirm step.
    const reason = `Seller unreachable, bag returned ${Date.now().toString(36)}`;
    await page.getByLabel('Reason for the refund').fill(reason);
    await page.getByLabel('The goods are back with the seller (restock)').check();
    await shots(page, 'detail');
    await page.getByRole('button', { name: 'Review the refund' }).click();
    await expect(page.getByRole('heading', { name: `Refund ${total} to Chloe Customer?` })).toBeVisible();
    await shots(page, 'confirm');
    await page.getByRole('button', { name: `Refund ${total} now` }).click();
    await expect(page.getByTestId('refund-success')).toContainText(`Order ${reference} was refunded`);
    // The page data reloads (status, timeline) and the message is still there.
    await expect(page.getByTestId('order-status')).toHaveText('Refunded');
    await expect(page.getByTestId('refund-reason')).toHaveText(`Reason: ${reason}`);
    await expect(page.getByTestId('payment-status')).toContainText('Refunded');
    await expect(page.getByTestId('refund-success')).toBeVisible();
    await shots(page, 'refunded');

    // The desk lists it as refunded; a search with no match shows the empty state.
    await page.goto(`/admin/orders?status=refunded&q=${reference}`);
    await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Refunded');
    await page.goto('/admin/orders?q=no-such-order-anywhere');
    await expect(page.getByText('No orders match these filters')).toBeVisible();
    await shots(page, 'empty');

    // The customer sees it refunded, with the reason.
    await customer.page.goto('/account/orders');
    await expect(customer.page.getByTestId('customer-order').filter({ hasText: reference })).toContainText('Refunded');
    await customer.page.goto(`/account/orders/${orderId}`);
    await expect(customer.page.getByTestId('order-status')).toHaveText('Refunded');
    await expect(customer.page.getByText(reason).first()).toBeVisible();
  } finally {
    await customer.context.close();
  }
});

test('a customer cannot open the operations orders desk', async ({ page }) => {
  await useSession(page, 'customer');
  const res = await page.goto('/admin/orders');
  expect(res?.status()).toBe(403);
});
