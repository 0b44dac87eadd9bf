import { expect, test } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * Provider catalogue and crew on a laptop: the demo provider admin is told in words what is wrong
 * with a bad service, creates a valid one (the price typed in pounds is stored as pence and shown
 * back exactly), then adds a crew member and edits their weekly hours, which survive a reload.
 */

test('a provider admin creates a service and edits a crew member’s hours', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await useSession(page, 'provider');

  await page.goto('/provider/services/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New service' })).toBeVisible();
  await page.getByLabel('Title').fill('ab');
  await page.getByLabel('Category').selectOption('plumbing');
  await page.getByRole('textbox', { name: 'Price', exact: true }).fill('45.50');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByText('must be at least 3 characters').first()).toBeVisible();

  const title = `Tap washer replacement ${stamp}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Category').selectOption('plumbing');
  await page.getByRole('textbox', { name: 'Price', exact: true }).fill('45.50');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Price', exact: true })).toHaveValue('45.50');

  await page.goto('/provider/services');
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('£45.50');
  await expect(row).toContainText('Draft');
  await screenshot(page, 'provider-services');

  await page.goto('/provider/crew/new');
  const name = `Robin Wrench ${stamp}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Plumbing').check();
  await page.getByRole('button', { name: 'Add crew member' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Add period on Monday' }).click();
  await page.getByLabel('Monday end').fill('18:30');
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByText('Working hours saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Monday end')).toHaveValue('18:30');
  await expect(page.getByLabel('Monday start')).toHaveValue('09:00');

  // A refused edit names the problem and saves nothing.
  await page.getByLabel('Monday end').fill('08:00');
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByText(/must be after the start time/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Monday end')).toHaveValue('18:30');
  await screenshot(page, 'provider-crew-member');
});
