import { expect, test, type Page } from '@playwright/test';
import { demoPdf } from '../lib/compliance/demo-pdf';
import { apiPost, confirmEmail, newSessionPage, signIn, uniqueEmail } from './helpers';

/**
 * A new tool-hire business from sign-up to a live listing and back out again, each step by its
 * persona in the browser: the provider stocks an item and drafts a listing, which cannot go for
 * review until its insurance and identity are approved; operations approve the documents, then
 * the listing in moderation, and it is live in the marketplace; when operations record that the
 * insurer cancelled the cover, the listing leaves the marketplace at once — nobody edits it.
 */

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

async function uploadDocument(page: Page, docType: string, number: string) {
  const details = page.getByTestId('upload-provider').first();
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
  const form = details.getByRole('form', { name: 'Business documents: upload a document' });
  await form.getByLabel('Document type').selectOption(docType);
  await form.getByLabel('Certificate or document number').fill(number);
  await form.getByLabel('Issued on').fill(ymd(new Date(Date.now() - 10 * DAY)));
  await form.getByLabel('Expires on').fill(ymd(new Date(Date.now() + 400 * DAY)));
  await form.getByLabel('File').setInputFiles({ name: `${docType}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(demoPdf([docType, number])) });
  await form.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: `No. ${number}` })).toContainText('Under review');
}

test('a new business lists a tool only once insured, goes live after moderation, and drops out when its cover is cancelled', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36).toUpperCase();
  const business = `Hire Hub ${run}`;
  const title = `Demolition hammer hire ${run}`;
  const email = uniqueEmail('seller');
  const password = `pw-${run.toLowerCase()}-long-enough`;

  // Sign-up as a business, confirm the email, sign in.
  await page.goto('/sign-up/provider');
  await page.getByLabel('Business name').fill(business);
  await page.getByLabel('Your name').fill('Hana Hire');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create business account' }).click();
  await page.waitForURL((u) => u.pathname !== '/sign-up/provider');
  await confirmEmail(page, email);
  await signIn(page, email, password);

  // Stock: one serialised demolition hammer (through the inventory API, as the console would).
  const item = await apiPost(page.request, baseURL!, '/api/v1/inventory/items', {
    sku: `HH-${run}`.slice(0, 40),
    name: `Demolition hammer ${run}`,
    kind: 'tool',
    mode: 'rental',
    tracking: 'serialised',
    serials: ['DH-1'],
    openingQuantity: 1,
    dailyRateMinor: 4500,
    depositMinor: 20000,
    replacementCostMinor: 60000,
    currency: 'GBP',
  }, `item-${run}`);
  expect(item.status, JSON.stringify(item.body)).toBe(201);

  // Draft a listing over it; sending it for review is refused until the business is insured.
  await page.goto('/provider/listings/new');
  await page.getByLabel('What are you listing?').selectOption('tool_rental');
  await page.getByLabel('Inventory item').selectOption({ label: `Demolition hammer ${run} · HH-${run}`.slice(0, 200) });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('SDS-max breaker with chisels; ear defenders included.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('listing-status')).toHaveText('Draft');
  const listingUrl = page.url();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('link', { name: 'Go to compliance documents' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/journey-blocked.png', fullPage: true });

  // Upload the three business documents.
  await page.goto('/provider/compliance');
  await expect(page.getByTestId('seller-status')).not.toHaveText('Approved seller');
  for (const docType of ['insurance_certificate', 'public_liability', 'identity']) await uploadDocument(page, docType, `${docType.slice(0, 3).toUpperCase()}-${run}`);

  const ops = await newSessionPage(browser, testInfo, 'operations');
  try {
    // Operations approve each document in the review queue.
    await ops.page.goto('/admin/compliance');
    for (const docType of ['insurance_certificate', 'public_liability', 'identity']) {
      const number = `${docType.slice(0, 3).toUpperCase()}-${run}`;
      const card = ops.page.getByTestId('queue-item').filter({ hasText: number });
      await expect(card).toContainText(business);
      await card.getByRole('button', { name: /^Approve/ }).click();
      await expect(ops.page.getByTestId('queue-item').filter({ hasText: number })).toHaveCount(0);
    }
    await page.reload();
    await expect(page.getByTestId('seller-status')).toHaveText('Approved seller');

    // Now the listing goes for review, and operations approve it in moderation.
    await page.goto(listingUrl);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByTestId('listing-status')).toHaveText('Pending review');
    const listingId = new URL(listingUrl).pathname.split('/').pop()!;
    expect((await page.request.get(`/marketplace/${listingId}`)).status()).toBe(404);

    await ops.page.goto('/admin/moderation');
    const pending = ops.page.getByTestId('moderation-item').filter({ hasText: title });
    await expect(pending).toContainText('Insured seller');
    await pending.getByRole('button', { name: /^Approve/ }).click();
    await expect(ops.page.getByTestId('moderation-item').filter({ hasText: title })).toHaveCount(0);

    // Live: found in the marketplace and on its own page, with the badge.
    const visitor = await newSessionPage(browser, testInfo, null);
    try {
      await visitor.page.goto(`/marketplace?q=${encodeURIComponent(title)}`);
      await expect(visitor.page.getByTestId('listing-card').filter({ hasText: title })).toHaveCount(1);
      await visitor.page.goto(`/marketplace/${listingId}`);
      await expect(visitor.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(visitor.page.getByText(/Insured seller: .* verified/)).toBeVisible();
      await visitor.page.screenshot({ path: '/tmp/shots/journey-live.png', fullPage: true });

      // The insurer cancels the cover: operations record it, and the listing is gone at once.
      await ops.page.goto(`/admin/compliance?tab=providers&q=${encodeURIComponent(business)}`);
      await ops.page.getByRole('button', { name: `Mark lapsed document of ${business}` }).click();
      const dialog = ops.page.getByRole('dialog');
      await dialog.getByLabel('Document').selectOption('insurance_certificate');
      await dialog.getByLabel('Reason').fill('The insurer cancelled the policy for non-payment.');
      await dialog.getByRole('button', { name: 'Mark as lapsed' }).click();
      await expect(dialog).toBeHidden();
      await expect(ops.page.getByRole('row', { name: new RegExp(business) })).not.toContainText('Approved seller');

      await visitor.page.goto(`/marketplace?q=${encodeURIComponent(title)}`);
      await expect(visitor.page.getByTestId('listing-card').filter({ hasText: title })).toHaveCount(0);
      const gone = await visitor.page.goto(`/marketplace/${listingId}`);
      expect(gone?.status()).toBe(404);
      await expect(visitor.page.getByRole('heading', { name: 'This listing is not available' })).toBeVisible();
      // The listing itself was not edited: its owner sees it approved but hidden, and why.
      await page.goto(listingUrl);
      await expect(page.getByTestId('listing-status')).toHaveText('Approved · hidden');
      await expect(page.getByRole('status').filter({ hasText: 'Not shown in the marketplace' })).toBeVisible();
      await page.goto('/provider/compliance');
      await expect(page.getByTestId('doc-insurance_certificate')).toContainText('Expired');
    } finally {
      await visitor.context.close();
    }
  } finally {
    await ops.context.close();
  }
});
