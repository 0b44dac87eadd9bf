import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { newSessionPage, screenshot, useSession } from './helpers';

/**
 * Operations reassign from the SLA board. A customer asks Capital Locksmiths 24/7 for an emergency
 * lockout on demand in Westminster, whose acceptance SLA is 60 minutes — so the booking is at risk
 * on the board at once. Operations open "Reassign" by keyboard, pick a lead of that provider (each
 * marked free or busy), give a reason and save: the row follows (the booking now waits for its
 * crew's arrival, with the chosen lead on it). Also checked on a 360 px phone.
 */

const LOCKOUT = seedId('service:capital-locksmiths-24-7:0');
const WESTMINSTER = { lon: -0.155, lat: 51.512 };

async function toast(page: Page, text: string | RegExp) {
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: text }).first()).toBeVisible();
}

test('operations reassign an at-risk booking from the SLA board', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await useSession(page, 'customer');
  const created = await page.request.post('/api/v1/bookings', {
    headers: { origin: baseURL!, 'content-type': 'application/json', 'idempotency-key': `ops-reassign-${Date.now()}` },
    data: { serviceId: LOCKOUT, type: 'on_demand', location: WESTMINSTER, addressLine: '1 Parliament Street, London SW1A 2NH', paymentMethod: 'pm_card_visa' },
  });
  expect([200, 201], await created.text()).toContain(created.status());
  const { booking } = (await created.json()) as { booking: { id: string; reference: string; status: string } };
  expect(booking.status).toBe('awaiting_assignment');

  const ops = await newSessionPage(browser, testInfo, 'operations');
  const op = ops.page;
  await op.goto('/admin/sla');
  await expect(op.getByRole('heading', { level: 1, name: 'SLA board' })).toBeVisible();
  const atRisk = op.getByRole('region', { name: /At risk/ }).or(op.locator('section[aria-labelledby="sla-risk"]'));
  const row = atRisk.getByRole('row').filter({ hasText: booking.reference });
  await expect(row).toContainText('Acceptance');
  await expect(row).toContainText('None yet');

  // Keyboard: focus the row's button and open the dialog with Enter.
  const open = row.getByRole('button', { name: `Reassign crew for ${booking.reference}` });
  await open.focus();
  await op.keyboard.press('Enter');
  const dialog = op.getByRole('dialog', { name: `Reassign crew for ${booking.reference}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Capital Locksmiths 24/7');
  const lead = dialog.getByLabel('Lead');
  await expect(lead.locator('option')).not.toHaveCount(1); // the provider's leaders arrived
  const firstLeader = (await lead.locator('option').nth(1).textContent())!.replace(/ \((free|busy)\)$/, '');
  await lead.selectOption({ index: 1 });
  const save = dialog.getByRole('button', { name: 'Reassign crew' });
  await expect(save).toBeDisabled(); // a reason is required
  await dialog.getByLabel(/Reason/).fill('Acceptance SLA at risk: nobody has taken the offer');
  await screenshot(op, 'ops-reassign-dialog', false);
  await save.click();
  await toast(op, `Crew reassigned for ${booking.reference}`);
  await expect(dialog).toBeHidden();

  // The row follows: the acceptance deadline is met, the arrival one is now the one at risk.
  const after = atRisk.getByRole('row').filter({ hasText: booking.reference });
  await expect(after).toContainText('Arrival');
  await expect(after).toContainText(firstLeader);
  await screenshot(op, 'ops-reassign-board');

  // Phone width: the board and the dialog fit; the table scrolls inside its own region.
  await op.setViewportSize({ width: 360, height: 800 });
  await op.reload();
  expect(await op.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await atRisk.getByRole('row').filter({ hasText: booking.reference }).getByRole('button', { name: /Reassign crew for/ }).click();
  const phoneDialog = op.getByRole('dialog', { name: `Reassign crew for ${booking.reference}` });
  await expect(phoneDialog.getByLabel('Lead')).toBeVisible();
  await screenshot(op, 'ops-reassign-dialog-phone', false);
  await op.keyboard.press('Escape');
  await expect(phoneDialog).toBeHidden();
  await ops.context.close();
});
