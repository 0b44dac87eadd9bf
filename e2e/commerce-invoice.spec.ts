import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { apiPost, createVerifiedAccount, newSessionPage, useSession } from './helpers';

/**
 * VAT invoices for marketplace orders and rentals: the customer buys seeded grout over the API
 * (delivered), opens the order, follows "VAT invoice" to the printable document — number, "Order
 * OR-…", goods / delivery / service fee lines — and finds it in Billing & invoices; the seeded
 * settled rental's invoice shows its 0 % settlement charge and the deposit note; the seller opens
 * the same invoice from its billing list; a stranger gets 404.
 */

const GROUT = seedId('listing:thames:grout');

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/invoices-${name}-1280.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `/tmp/shots/invoices-${name}-360.png`, fullPage: true });
  // Nothing may scroll sideways at 360 px (the lines table scrolls inside its own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (size) await page.setViewportSize(size);
}

test('a customer opens the VAT invoice of an order and of a settled rental; the seller sees it; a stranger does not', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const key = () => `commerce-invoice-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await useSession(page, 'customer');
  const bought = await apiPost(page.request, baseURL!, '/api/v1/orders', { listingId: GROUT, quantity: 2, fulfilment: 'delivery', deliveryAddress: '10 Electric Avenue, London SW9 8JX', paymentMethod: '4242424242424242' }, key());
  expect(bought.status, JSON.stringify(bought.body)).toBe(200);
  const orderId = bought.body.id as string;
  const reference = bought.body.reference as string;

  // The order page links its VAT invoice.
  await page.goto(`/account/orders/${orderId}`);
  const link = page.getByTestId('invoice-links').getByRole('link', { name: /^VAT invoice FX-\d{4}-\d{6}$/ });
  await expect(link).toBeVisible();
  const number = ((await link.textContent()) ?? '').replace('VAT invoice', '').trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/account/invoices/order/${orderId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'VAT invoice' })).toBeVisible();
  const invoice = page.getByTestId('invoice');
  await expect(invoice.getByTestId('invoice-number')).toHaveText(number);
  await expect(invoice.getByTestId('invoice-subject')).toHaveText(`Order ${reference}`);
  await expect(invoice).toContainText('Thames Home Services Ltd');
  const lines = invoice.getByTestId('invoice-lines');
  await expect(lines.getByRole('rowheader', { name: /White flexible grout, 5 kg — 2 × 8\.99 GBP/ })).toBeVisible();
  await expect(lines.getByRole('rowheader', { name: 'Delivery' })).toBeVisible();
  await expect(lines.getByRole('rowheader', { name: /Service fee/ })).toBeVisible();
  await expect(invoice.getByText('VAT at 20%')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download or print' })).toBeVisible();
  await shots(page, 'order');

  // The natural address under the order leads to the same document.
  await page.goto(`/account/orders/${orderId}/invoice`);
  await expect(page).toHaveURL(new RegExp(`/account/invoices/order/${orderId}$`));
  await expect(page.getByTestId('invoice-number')).toHaveText(number);

  // Billing & invoices lists it as the order's, linked to the same page; and the seeded rental's.
  await page.goto('/account/billing');
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(`Order ${reference}`);
  await expect(row.getByRole('link', { name: number })).toHaveAttribute('href', `/account/invoices/order/${orderId}`);
  const rentalRow = page.getByRole('row').filter({ hasText: /Rental RN-/ }).first();
  await expect(rentalRow).toBeVisible();
  await rentalRow.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/account\/invoices\/rental\/[0-9a-f-]+$/);
  const rentalInvoice = page.getByTestId('invoice');
  await expect(rentalInvoice.getByTestId('invoice-subject')).toHaveText(/^Rental RN-/);
  await expect(rentalInvoice.getByTestId('invoice-lines').getByRole('rowheader', { name: /Replacement chuck/ })).toContainText('no VAT or service fee');
  await expect(page.getByText(/refundable deposit is not on this invoice/)).toBeVisible();
  await shots(page, 'rental');

  // The seller opens the same invoice from its billing list.
  const provider = await newSessionPage(browser, testInfo, 'provider');
  try {
    await provider.page.goto('/provider/billing');
    const sellerRow = provider.page.getByRole('row').filter({ hasText: number });
    await expect(sellerRow).toContainText(`Order ${reference}`);
    await sellerRow.getByRole('link', { name: number }).click();
    await expect(provider.page.getByTestId('invoice-number')).toHaveText(number);
    await shots(provider.page, 'provider');
  } finally {
    await provider.context.close();
  }

  // Someone else gets 404 for the document.
  const stranger = await newSessionPage(browser, testInfo, null);
  try {
    const account = await createVerifiedAccount(stranger.page, 'invoice-stranger');
    await useSession(stranger.page, { email: account.email, password: account.password });
    const res = await stranger.page.goto(`/account/invoices/order/${orderId}`);
    expect(res?.status()).toBe(404);
  } finally {
    await stranger.context.close();
  }
});
