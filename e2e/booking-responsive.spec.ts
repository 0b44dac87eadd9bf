import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers';

/** The booking wizard on a 360 px phone: every step fits without sideways scrolling. */

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.use({ viewport: { width: 360, height: 780 } });

test('the wizard at 360 px (anonymous until the review step)', async ({ page }) => {
  await page.goto('/book/provider/thames-home-services');
  await noSidewaysScroll(page);
  await page.getByRole('link', { name: 'Book Handyman by the hour' }).click();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, 'wizard-phone-1-service');

  await page.getByRole('button', { name: 'Choose the location' }).click();
  const search = page.getByRole('combobox', { name: 'Search a place or postcode' });
  await search.fill('Brixton');
  await expect(page.getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByTestId('coverage-status')).toContainText('covers this address', { timeout: 15_000 });
  await noSidewaysScroll(page);
  await screenshot(page, 'wizard-phone-2-location');

  await page.getByRole('button', { name: 'Choose a time' }).click();
  await page.getByRole('radio', { name: /Pick a time/ }).check();
  const firstSlot = page.locator('input[name="slot"]').first();
  await expect(firstSlot).toBeAttached({ timeout: 15_000 });
  await noSidewaysScroll(page);
  await screenshot(page, 'wizard-phone-3-when');
  await page.locator("label:has(input[name=\"slot\"])").first().click();
  await expect(firstSlot).toBeChecked();
  await page.getByRole('button', { name: 'Add details' }).click();
  await page.getByLabel('Address').fill('10 Electric Avenue, London SW9');
  await page.getByRole('button', { name: 'Review' }).click();

  await expect(page.getByRole('heading', { name: 'Review and pay' })).toBeVisible();
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  await expect(page.getByRole('link', { name: 'Sign in to book' })).toHaveAttribute('href', /callbackUrl=%2Fbook%2F/);
  await noSidewaysScroll(page);
  await screenshot(page, 'wizard-phone-5-review');
});
