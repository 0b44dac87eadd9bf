import { expect, test } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { DEMO_PASSWORD, newSessionPage, screenshot, useSession } from './helpers';

/**
 * Bidding end to end, each step by its persona in the browser: the customer posts a Handyman job
 * in Brixton (over the API, as the job form is covered by its own spec) → Thames Home Services
 * (provider@) and East End Handyman (provider2@) each bid on the provider job page → the customer
 * asks a question, then awards provider@'s bid from the bids panel (slot from its availability,
 * price at the bid, test card) → the winner sees the booking, the loser sees "Declined".
 */

const HANDYMAN_CATEGORY = seedId('category:handyman');
const BRIXTON = { lon: -0.1152, lat: 51.4619 };

test('two providers bid → the customer awards one → the winner sees the booking, the other "declined"', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  await useSession(page, 'customer');
  const posted = await page.request.post('/api/v1/jobs', {
    headers: { origin: baseURL!, 'content-type': 'application/json', 'idempotency-key': `bids-e2e-${run}` },
    data: {
      title: `Rehang a sticking kitchen door ${run}`,
      description: 'The kitchen door scrapes the floor and no longer latches; it needs planing and the hinges adjusting.',
      categoryId: HANDYMAN_CATEGORY,
      location: BRIXTON,
      addressLine: '9 Atlantic Road, London SW9 8HX',
      budgetMinMinor: 5000,
      budgetMaxMinor: 20000,
      currency: 'GBP',
      bidDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(posted.status(), await posted.text()).toBeLessThan(300);
  const jobId = ((await posted.json()) as { id: string }).id;

  // Both providers bid from the job page.
  const winner = await newSessionPage(browser, testInfo, 'provider');
  const loser = await newSessionPage(browser, testInfo, { email: 'provider2@fixnado.test', password: DEMO_PASSWORD });
  for (const [p, price, eta] of [
    [winner.page, '140', '2'],
    [loser.page, '155.50', '4'],
  ] as const) {
    await p.goto(`/provider/job-feed/${jobId}`);
    const form = p.getByTestId('bid-form');
    await form.getByLabel(/Your price/).fill(price);
    await form.getByLabel(/Ready within/).fill(eta);
    await form.getByLabel('Message to the customer').fill('Planing and hinge adjustment, about an hour on site.');
    await form.getByRole('button', { name: 'Place bid' }).click();
    await expect(p.getByText('Bid placed. The customer has been told.')).toBeVisible();
    await expect(p.getByTestId('bid-status')).toHaveText('Active');
  }
  // A second placement is refused by the API with "revise it instead".
  const again = await winner.page.request.post(`/api/v1/jobs/${jobId}/bids`, { headers: { origin: baseURL! }, data: { amountMinor: 12000, etaDays: 1 } });
  expect(again.status()).toBe(409);
  await screenshot(winner.page, 'bids-provider-job');

  // The customer sees both bids, asks the cheaper one a question, and awards it.
  await page.goto(`/account/jobs/${jobId}`);
  const cards = page.getByTestId('bid-card');
  await expect(cards).toHaveCount(2);
  const thames = cards.filter({ hasText: 'Thames Home Services' });
  await expect(thames.getByTestId('bid-amount')).toHaveText('£140');
  await thames.getByLabel('Message to Thames Home Services').fill('Could you come on a weekday morning?');
  await thames.getByRole('button', { name: 'Send' }).click();
  await expect(thames.getByTestId('bid-thread')).toContainText('Could you come on a weekday morning?');
  await screenshot(page, 'bids-customer-panel');

  await thames.getByRole('button', { name: 'Award' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('price-breakdown')).toContainText('£140');
  // The latest free time shown, away from the other journeys' slots.
  const slot = dialog.locator('label:has(input[name="slot"])').last();
  await slot.waitFor();
  await slot.click();
  await screenshot(page, 'bids-award-dialog', false);
  await dialog.getByRole('button', { name: /Award and pay/ }).click();
  await expect(dialog.getByText('Awarded.')).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('link', { name: 'View the booking' }).click();
  await expect(page).toHaveURL(/\/account\/bookings\//);

  // The winner sees the booking; the other provider sees "declined".
  await winner.page.goto(`/provider/job-feed/${jobId}`);
  await expect(winner.page.getByTestId('bid-status')).toHaveText('Awarded');
  await expect(winner.page.getByTestId('bid-outcome')).toContainText('You won this job');
  await winner.page.getByRole('link', { name: 'Open the booking' }).click();
  await expect(winner.page).toHaveURL(/\/provider\/bookings\//);
  await loser.page.goto('/provider/bids');
  const mine = loser.page.getByTestId('my-bid').filter({ hasText: run });
  await expect(mine.getByTestId('bid-status')).toHaveText('Declined');
  await loser.page.goto(`/provider/job-feed/${jobId}`);
  await expect(loser.page.getByTestId('bid-outcome')).toContainText('Declined');
  await screenshot(loser.page, 'bids-provider-declined');
  await winner.context.close();
  await loser.context.close();
});
