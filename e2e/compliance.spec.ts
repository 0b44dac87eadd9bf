import { expect, test, type Page } from '@playwright/test';
import { demoPdf } from '../lib/compliance/demo-pdf';
import { newSessionPage, useSession } from './helpers';

/**
 * Insured-seller compliance, each step by its persona in the browser: the provider uploads a new
 * insurance certificate → operations approve it in the review queue → the provider sees it valid;
 * operations suspend the business → the provider sees "Suspended" with the reason → operations
 * reinstate it → the provider is an approved seller again. Screenshots at desktop and 360 px.
 */

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const dayText = (s: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${s}T00:00:00Z`));

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/compliance-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `/tmp/shots/compliance-${name}-360.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test('provider uploads insurance → operations approve → valid; suspend shows the reason → reinstate', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).toUpperCase();
  const number = `POL-E2E-${run}`;
  const issued = ymd(new Date(Date.now() - DAY));
  const expires = ymd(new Date(Date.now() + 500 * DAY));

  await useSession(page, 'provider');
  await page.goto('/provider/compliance');
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible();
  await expect(page.getByTestId('seller-status')).toHaveText('Approved seller');

  // Upload through the business documents form (a real PDF; the type is checked by content).
  // The upload form folds away while every document is valid.
  const details = page.getByTestId('upload-provider').first();
  await details.locator('summary').click();
  const form = details.getByRole('form', { name: 'Business documents: upload a document' });
  await form.getByLabel('Document type').selectOption('insurance_certificate');
  await form.getByLabel('Certificate or document number').fill(number);
  await form.getByLabel('Issued on').fill(issued);
  await form.getByLabel('Expires on').fill(expires);
  await form.getByLabel('File').setInputFiles({ name: 'insurance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(demoPdf(['Insurance certificate', number])) });
  await form.getByRole('button', { name: 'Send for review' }).click();
  const mine = page.getByRole('listitem').filter({ hasText: `No. ${number}` });
  await expect(mine).toContainText('Under review');
  // The current certificate is still valid meanwhile, with the renewal noted.
  await expect(page.getByTestId('doc-insurance_certificate').first()).toContainText('Your renewal is under review');
  await shots(page, 'provider');

  const ops = await newSessionPage(browser, testInfo, 'operations');
  try {
    await ops.page.goto('/admin/compliance');
    const card = ops.page.getByTestId('queue-item').filter({ hasText: number });
    await expect(card).toContainText('Insurance certificate · Thames Home Services');
    await expect(card.getByRole('link', { name: 'insurance.pdf' })).toHaveAttribute('href', /\/api\/v1\/compliance\/documents\/.+\/file$/);
    await shots(ops.page, 'admin-queue');
    await card.getByRole('button', { name: /^Approve/ }).click();
    await expect(ops.page.getByTestId('queue-item').filter({ hasText: number })).toHaveCount(0);

    await page.reload();
    await expect(mine).toContainText('Approved');
    await expect(page.getByTestId('doc-insurance_certificate').first()).toContainText(`Valid until ${dayText(expires)}`);

    // Suspend from the providers tab, with a reason the provider reads.
    const reason = `Insurance claim under investigation ${run}`;
    await ops.page.goto('/admin/compliance?tab=providers&q=Thames');
    await ops.page.getByRole('button', { name: 'Suspend Thames Home Services' }).click();
    const dialog = ops.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await shots(ops.page, 'admin-suspend-dialog');
    await dialog.getByRole('button', { name: 'Suspend provider' }).click();
    await expect(dialog).toBeHidden();
    await expect(ops.page.getByRole('row', { name: /Thames Home Services/ })).toContainText('Suspended');
    await shots(ops.page, 'admin-providers');

    await page.reload();
    await expect(page.getByTestId('seller-status')).toHaveText('Suspended');
    await expect(page.getByRole('alert').filter({ hasText: reason })).toBeVisible();
    await shots(page, 'provider-suspended');

    await ops.page.getByRole('button', { name: 'Reinstate Thames Home Services' }).click();
    await dialog.getByLabel('Note').fill('Investigation closed, cover confirmed by the insurer.');
    await dialog.getByRole('button', { name: 'Reinstate provider' }).click();
    await expect(dialog).toBeHidden();
    await expect(ops.page.getByRole('row', { name: /Thames Home Services/ })).toContainText('Approved seller');

    await page.reload();
    await expect(page.getByTestId('seller-status')).toHaveText('Approved seller');
    await expect(page.getByRole('alert').filter({ hasText: reason })).toHaveCount(0);
  } finally {
    await ops.context.close();
  }
});

test('a customer keeps renter ID and insurance on /account/documents', async ({ page }) => {
  await useSession(page, 'customer');
  await page.goto('/account/documents');
  await expect(page.getByRole('heading', { level: 1, name: 'ID & insurance' })).toBeVisible();
  await expect(page.getByText('You can rent items marked “insurance required”.')).toBeVisible();
  await expect(page.getByTestId('doc-identity')).toContainText('Valid');
  await expect(page.getByTestId('doc-insurance_certificate')).toContainText('Valid');
  // A text file named .pdf is refused with the reason on the file field.
  const details = page.getByTestId('upload-renter');
  await details.locator('summary').click();
  const form = details.getByRole('form', { name: 'Your documents: upload a document' });
  await form.getByLabel('Certificate or document number').fill('ID-TEXT');
  await form.getByLabel('Issued on').fill(ymd(new Date(Date.now() - DAY)));
  await form.getByLabel('Expires on').fill(ymd(new Date(Date.now() + 300 * DAY)));
  await form.getByLabel('File').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
  await form.getByRole('button', { name: 'Send for review' }).click();
  await expect(form.getByText(/must be a PDF or a JPEG/).first()).toBeVisible();
  await shots(page, 'account-documents');
});
