import { expect, test } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * Finance screens. The finance persona opens the platform ledger and reads a reconciliation where
 * every check is zero; the provider admin opens its payouts (balances + statement); operations
 * open the review moderation queue; a customer opens their reviews. Screenshots at desktop and
 * 360 px wide.
 */

test('finance sees the ledger with a reconciliation that is all zero', async ({ page }) => {
  await useSession(page, 'finance');
  const res = await page.goto('/admin/finance');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();
  const checks = page.getByRole('list', { name: 'Reconciliation checks' });
  await expect(checks.getByTestId('recon-unbalanced-transactions')).toContainText('Unbalanced transactions: 0');
  await expect(checks.getByTestId('recon-account-drift')).toContainText('Account drift: 0');
  await expect(checks.getByTestId('recon-payment-drift')).toContainText('Payment drift: 0');
  // The seed has settled, overdue and in-use rentals (deposits held) and a paid order.
  await expect(checks.getByTestId('recon-rental-and-order-drift')).toContainText('Rental and order drift: 0');
  await expect(checks.getByTestId('recon-deposit-hold-drift')).toContainText('Deposit hold drift: 0');
  await expect(checks.getByTestId('recon-payout-drift')).toContainText('Payout drift: 0');
  await expect(page.getByText('All checks are zero')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent transactions' })).toBeVisible();
  await screenshot(page, 'ledger-admin-finance');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'ledger-admin-finance-360');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a customer cannot open the finance view', async ({ page }) => {
  await useSession(page, 'customer');
  const res = await page.goto('/admin/finance');
  expect(res?.status()).not.toBe(200);
});

test('the provider admin opens its payouts: balances and statement', async ({ page }) => {
  await useSession(page, 'provider');
  const res = await page.goto('/provider/payouts');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Statement' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /line/ })).toBeVisible();
  await page.getByLabel('From (London date)').fill('2026-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page.getByRole('link', { name: 'All dates' })).toBeVisible();
  await screenshot(page, 'ledger-provider-payouts');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'ledger-provider-payouts-360');
});

test('operations open the review moderation queue; a customer opens their reviews', async ({ page, browser }) => {
  await useSession(page, 'operations');
  expect((await page.goto('/admin/reviews'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Review moderation' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Review status' }).getByRole('link', { name: 'Reported' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'ledger-admin-reviews');

  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const customer = await ctx.newPage();
  await useSession(customer, 'customer');
  expect((await customer.goto('/account/reviews'))?.status()).toBe(200);
  await expect(customer.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  expect((await customer.goto('/account/reviews/new?booking=00000000-0000-0000-0000-000000000000'))?.status()).toBe(200);
  await expect(customer.getByRole('heading', { level: 1, name: 'Write a review' })).toBeVisible();
  await expect(customer.getByText('Booking not found')).toBeVisible();
  await screenshot(customer, 'ledger-account-reviews');
  await ctx.close();
});
