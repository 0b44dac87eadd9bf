import { expect, test } from '@playwright/test';
import { screenshot, useSession } from './helpers';

/**
 * Provider reviews. The demo seed completes three Handyman jobs at Thames Home Services and their
 * customers review them (5★ replied to, 4★ and 2★ not yet). The provider admin sees the rating
 * summary, filters to "Needs reply", replies to the 4★ review once (the form is gone afterwards),
 * and reports the 2★ one with a reason (it shows as reported and under the "Reported" filter).
 * The public booking page shows the reviews with the new reply. Screenshots at 1280 and 360 px.
 */
test('a provider admin replies to one review and reports another; the public page shows the reply', async ({ page }) => {
  await useSession(page, 'provider');
  expect((await page.goto('/provider/reviews'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(page.getByTestId('rating-average')).toContainText('3.67');
  await expect(page.getByTestId('rating-average')).toContainText('Average of 3 reviews');
  const dist = page.getByTestId('rating-distribution');
  await expect(dist.getByRole('row', { name: /5 stars/ })).toContainText('1');
  await expect(dist.getByRole('row', { name: /3 stars/ })).toContainText('0');
  await screenshot(page, 'provider-reviews');

  const filters = page.getByRole('navigation', { name: 'Filter reviews' });
  await filters.getByRole('link', { name: /Needs reply/ }).click();
  await expect(filters.getByRole('link', { name: /Needs reply/ })).toHaveAttribute('aria-current', 'page');
  const reviews = page.getByTestId('provider-review');
  await expect(reviews).toHaveCount(2);

  // Reply to the 4★ review (Erin's shelving job).
  const shelving = reviews.filter({ hasText: 'Good job on the shelving' });
  await expect(shelving.getByRole('heading', { name: /Erin/ })).toBeVisible();
  await shelving.getByLabel('Your reply').fill('Thanks Erin, and sorry about the wait. We now text when running late.');
  await shelving.getByRole('button', { name: /Publish reply/ }).click();
  await expect(page.getByText('Reply published')).toBeVisible();
  // Now replied, it leaves the "Needs reply" list.
  await expect(reviews).toHaveCount(1);

  // Report the 2★ review with a reason: an empty reason is refused first, by name.
  const hallway = reviews.filter({ hasText: 'dust was left' });
  await hallway.getByText('Report this review').click();
  await hallway.getByRole('button', { name: /Send report/ }).click();
  await expect(hallway.getByText(/must be at least 3 characters/).first()).toBeVisible();
  await hallway.getByLabel('Why should operations look at it?').fill('We have photos showing the hallway was left clean.');
  await hallway.getByRole('button', { name: /Send report/ }).click();
  await expect(page.getByText('Thanks — operations will look at this review')).toBeVisible();

  await page.goto('/provider/reviews?filter=reported');
  await expect(page.getByTestId('provider-review')).toHaveCount(1);
  await expect(page.getByTestId('provider-review').first()).toContainText('Reported');
  await expect(page.getByTestId('report-status')).toContainText('We have photos');

  await page.goto('/provider/reviews');
  const replied = page.getByTestId('provider-review').filter({ hasText: 'Good job on the shelving' });
  await expect(replied.getByText('Your reply')).toBeVisible();
  await expect(replied.getByLabel('Your reply')).toHaveCount(0);
  await screenshot(page, 'provider-reviews-after');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'provider-reviews-360');

  // The public booking page: latest reviews with the provider's replies; first names only.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/book/provider/thames-home-services');
  const pub = page.getByTestId('public-reviews');
  await expect(pub.getByTestId('public-review')).toHaveCount(3);
  await expect(pub).toContainText('We now text when running late.');
  await expect(pub).toContainText('Thank you, Chloe.');
  await expect(pub).not.toContainText('Customer');
  await screenshot(page, 'provider-public-reviews');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'provider-public-reviews-360');
});

test('a serviceman cannot open the provider reviews page', async ({ page }) => {
  await useSession(page, 'serviceman');
  expect((await page.goto('/provider/reviews'))?.status()).toBe(403);
});
