import { expect, test, type Page } from '@playwright/test';
import { newSessionPage } from './helpers';

/**
 * Tool rentals end to end on the seeded demo (customer@ renting from provider@'s Thames Home
 * Services). 1) A fresh rental of 2 ladders: the customer requests it from the listing (calendar,
 * live price), the provider approves, schedules the pickup, checks out with condition + photo,
 * records a partial return then the rest, inspects with a damage charge and settles; the customer
 * sees the same settlement lines. 2) The seeded OVERDUE rental (2 ladders due yesterday): a partial
 * return then the rest, both late — the inspection adds late lines at 1.5 × the rate automatically.
 */

// A 1×1 PNG (a real image: uploads are checked by content).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function settlementLines(page: Page): Promise<string[]> {
  const table = page.getByTestId('settlement-table').first();
  await expect(table).toBeVisible();
  return (await table.getByRole('row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function step(page: Page, button: string, nextStatus: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByTestId('rental-status')).toHaveText(nextStatus);
}

test('customer rents ladders; provider approves, hands over, takes them back in two goes, inspects with damage and settles', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const customer = await newSessionPage(browser, testInfo, 'customer');
  const provider = await newSessionPage(browser, testInfo, 'provider');
  try {
    const c = customer.page;
    await c.goto('/marketplace');
    await c.getByRole('link', { name: /Three-section ladder hire/ }).first().click();
    await c.getByRole('link', { name: 'Rent this' }).click();
    await expect(c.getByRole('heading', { level: 1, name: /Rent Three-section ladder hire/ })).toBeVisible();
    await expect(c.getByTestId('availability-calendar')).toBeVisible();
    // Five days out, for two days.
    const start = new Date(Date.now() + 5 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
    await c.getByLabel('Start').fill(local(start));
    await c.getByLabel('End').fill(local(new Date(start.getTime() + 2 * 86_400_000)));
    await c.getByLabel('Quantity').fill('2');
    await expect(c.getByTestId('rental-preview')).toContainText('2 days × 2');
    await expect(c.getByTestId('rental-preview')).toContainText('Refundable deposit');
    await c.screenshot({ path: '/tmp/shots/rentals-rent.png', fullPage: true });
    await c.getByRole('button', { name: 'Request rental' }).click();
    await c.waitForURL(/\/account\/rentals\/[0-9a-f-]{36}$/);
    await expect(c.getByTestId('rental-status')).toHaveText('Requested');
    const rentalPath = new URL(c.url()).pathname.replace('/account/', '/provider/');

    const p = provider.page;
    await p.goto('/provider/rentals?status=requested');
    await expect(p.getByRole('heading', { level: 1, name: 'Rental desk' })).toBeVisible();
    await p.screenshot({ path: '/tmp/shots/rentals-desk.png', fullPage: true });
    await p.goto(rentalPath);
    await step(p, 'Approve', 'Approved');
    await step(p, 'Schedule pickup', 'Pickup scheduled');
    await p.getByLabel('Condition').selectOption('good');
    await p.getByLabel('Photos').setInputFiles({ name: 'handover.png', mimeType: 'image/png', buffer: PNG });
    await step(p, 'Check out', 'In use');
    await expect(p.getByRole('img', { name: 'checkout photo' })).toBeVisible();

    await p.getByLabel('Quantity back').fill('1');
    await step(p, 'Record return', 'Partially returned');
    await p.getByLabel('Condition').selectOption('damaged');
    await step(p, 'Record return', 'Awaiting inspection');

    await p.getByLabel('Outcome').selectOption('damaged');
    await p.getByRole('button', { name: 'Add charge line' }).click();
    await p.getByLabel('Description').fill('Bent rung');
    await p.getByLabel('Amount (GBP)').fill('35.00');
    await expect(p.getByTestId('settlement-table').first()).toContainText('Bent rung');
    await p.screenshot({ path: '/tmp/shots/rentals-inspect.png', fullPage: true });
    await p.getByRole('button', { name: 'Record inspection' }).click();
    await expect(p.getByRole('button', { name: 'Settle' })).toBeVisible();
    await step(p, 'Settle', 'Settled');
    const providerLines = await settlementLines(p);
    expect(providerLines).toContain('Bent rung £35.00');
    expect(providerLines).toContain('Deposit held at checkout £100.00');
    expect(providerLines).toContain('Deposit returned to the renter £65.00');

    await c.reload();
    await expect(c.getByTestId('rental-status')).toHaveText('Settled');
    expect(await settlementLines(c)).toEqual(providerLines);
    await c.screenshot({ path: '/tmp/shots/rentals-customer-detail.png', fullPage: true });
  } finally {
    await customer.context.close();
    await provider.context.close();
  }
});

test('the seeded overdue rental comes back late in two goes; late lines are added and settled', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const provider = await newSessionPage(browser, testInfo, 'provider');
  const customer = await newSessionPage(browser, testInfo, 'customer');
  try {
    const p = provider.page;
    await p.goto('/provider/rentals?status=in_use');
    const row = p.getByRole('row').filter({ hasText: 'Three-section ladder' }).filter({ hasText: 'Overdue' });
    await row.getByRole('link').first().click();
    await expect(p.getByTestId('rental-status')).toHaveText('In use');
    await p.getByLabel('Quantity back').fill('1');
    await step(p, 'Record return', 'Partially returned');
    await step(p, 'Record return', 'Awaiting inspection');
    await expect(p.getByTestId('rental-timeline')).toContainText('day(s) late');
    // The preview already carries one late line per return.
    await expect(p.getByTestId('settlement-table').first()).toContainText('Late return');
    await p.getByRole('button', { name: 'Record inspection' }).click();
    await step(p, 'Settle', 'Settled');
    const lines = await settlementLines(p);
    expect(lines.filter((l) => l.startsWith('Late return'))).toHaveLength(2);
    const path = new URL(p.url()).pathname.replace('/provider/', '/account/');
    await customer.page.goto(path);
    expect(await settlementLines(customer.page)).toEqual(lines);
    await customer.page.setViewportSize({ width: 360, height: 800 });
    await customer.page.screenshot({ path: '/tmp/shots/rentals-customer-360.png', fullPage: true });
    await customer.page.goto('/account/rentals');
    await customer.page.screenshot({ path: '/tmp/shots/rentals-list-360.png', fullPage: true });
    await p.setViewportSize({ width: 360, height: 800 });
    await p.goto('/provider/rentals');
    await p.screenshot({ path: '/tmp/shots/rentals-desk-360.png', fullPage: true });
  } finally {
    await customer.context.close();
    await provider.context.close();
  }
});
