import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { createVerifiedAccount, newestMailLink, newSessionPage, screenshot, signIn, useSession } from './helpers';

/**
 * The desks around a booking, on a laptop. A customer books Thames Home Services' "Handyman by the
 * hour" through the API (first free slot, Idempotency-Key). The provider opens the booking in the
 * week view (drawer with the timeline) and, unless the demo serviceman already leads it, reassigns
 * it to him. The serviceman checks in and completes it from /provider/jobs; the provider sees it
 * completed; the customer has notifications (bell count, centre, mark all read); operations open
 * the SLA board. Finally the provider invites a new crew member, who accepts from the email link.
 */

const HANDYMAN = seedId('service:thames-home-services:2');
const SAM = seedId('serviceman:thames-home-services:0');
const BRIXTON = { lon: -0.1145, lat: 51.4627 };

async function toast(page: Page, text: string | RegExp) {
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: text }).first()).toBeVisible();
}

test('provider, serviceman, customer and operations desks around one booking', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await useSession(page, 'customer');
  const slotsRes = await page.request.get(`/api/v1/services/${HANDYMAN}/slots?days=14&timeZone=Europe/London`);
  expect(slotsRes.status(), await slotsRes.text()).toBe(200);
  const slots = (await slotsRes.json()) as { days: { date: string; slots: { startsAt: string }[] }[] };
  const day = slots.days.find((d) => d.slots.length)!;
  expect(day, 'a day with free slots').toBeTruthy();
  const startsAt = day.slots[0].startsAt;
  const created = await page.request.post('/api/v1/bookings', {
    headers: { origin: baseURL!, 'content-type': 'application/json', 'idempotency-key': `desk-${Date.now()}` },
    data: { serviceId: HANDYMAN, type: 'scheduled', startsAt, location: BRIXTON, addressLine: '10 Electric Avenue, London SW9 8JX', paymentMethod: 'pm_card_visa' },
  });
  expect([200, 201], await created.text()).toContain(created.status());
  const { booking } = (await created.json()) as { booking: { id: string; reference: string; status: string; crew: { servicemanId: string; role: string }[] } };
  expect(booking.status).toBe('scheduled');

  // Provider: the week of the booking, the drawer with its timeline, reassign to Sam if needed.
  const provider = await newSessionPage(browser, testInfo, 'provider');
  const pp = provider.page;
  await pp.goto(`/provider/bookings?week=${day.date}`);
  await expect(pp.getByRole('heading', { level: 1, name: 'Bookings' })).toBeVisible();
  await expect(pp.getByText('Times in Europe/London').first()).toBeVisible();
  const card = pp.getByRole('button', { name: new RegExp(booking.reference) }).first();
  await card.click();
  const drawer = pp.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(drawer.locator('ol')).toContainText('Scheduled');
  await screenshot(pp, 'desk-provider-drawer', false);
  const lead = booking.crew.find((c) => c.role === 'lead');
  if (lead?.servicemanId !== SAM) {
    await drawer.getByRole('button', { name: /Reassign/ }).click();
    const assign = pp.getByRole('dialog', { name: /Reassign crew/ });
    await assign.getByLabel('Lead').selectOption({ label: 'Sam Serviceman' });
    await assign.getByRole('button', { name: 'Save crew' }).click();
    await toast(pp, `Crew changed for ${booking.reference}`);
  } else {
    await pp.keyboard.press('Escape');
  }
  await pp.goto(`/provider/bookings?week=${day.date}`);
  await screenshot(pp, 'desk-provider-week');

  // Serviceman: check in, then complete.
  const sm = await newSessionPage(browser, testInfo, 'serviceman');
  const sp = sm.page;
  await sp.goto('/provider/jobs');
  await expect(sp.getByRole('heading', { level: 1, name: 'My jobs' })).toBeVisible();
  const job = sp.getByTestId(`job-${booking.reference}`);
  await expect(job).toContainText('Europe/London');
  await screenshot(sp, 'desk-jobs');
  await job.getByRole('button', { name: /^On the way/ }).click();
  await sp.getByRole('dialog').getByRole('button', { name: "I'm on the way" }).click();
  await toast(sp, `The customer knows you are on the way to ${booking.reference}`);
  await job.getByRole('button', { name: /^Check in/ }).click();
  await sp.getByRole('dialog').getByRole('button', { name: 'Check in' }).click();
  await toast(sp, `Checked in to ${booking.reference}`);
  await expect(job).toContainText('In progress');
  await job.getByRole('button', { name: /^Complete/ }).click();
  await sp.getByRole('dialog').getByRole('button', { name: 'Mark complete' }).click();
  await toast(sp, `Completed ${booking.reference}`);
  await expect(job).toContainText('Completed');
  await screenshot(sp, 'desk-jobs-completed');
  await sm.context.close();

  // Provider sees it completed (status filter in the URL).
  await pp.goto(`/provider/bookings?week=${day.date}&status=completed`);
  await expect(pp.getByRole('table').getByText(booking.reference)).toBeVisible();
  await expect(pp.getByRole('table')).toContainText('Completed');
  // Phones: the week is a list, nothing overflows the page sideways.
  await pp.setViewportSize({ width: 360, height: 800 });
  await pp.reload();
  await expect(pp.getByRole('button', { name: new RegExp(booking.reference) })).toBeVisible();
  expect(await pp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(pp, 'desk-provider-week-phone');
  await provider.context.close();

  // Customer: the bell counts unread notifications; the centre lists them; mark all read.
  await page.goto('/account');
  const bell = page.getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`receipt for ${booking.reference}`, 'i') })).toBeVisible();
  await screenshot(page, 'desk-notifications');
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await toast(page, /notifications? marked read/);
  await expect(page.getByText('All caught up.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();

  // Operations: the SLA board renders both sections.
  const ops = await newSessionPage(browser, testInfo, 'operations');
  await ops.page.goto('/admin/sla');
  await expect(ops.page.getByRole('heading', { level: 1, name: 'SLA board' })).toBeVisible();
  await expect(ops.page.getByRole('heading', { name: 'Breached' })).toBeVisible();
  await expect(ops.page.getByRole('heading', { name: /At risk/ })).toBeVisible();
  await screenshot(ops.page, 'desk-sla');
  await ops.context.close();
});

test('a provider invites a crew member by email, who accepts from the link', async ({ page, browser }, testInfo) => {
  const invitee = await createVerifiedAccount(page, 'crew', 'Ivy Invitee');
  const provider = await newSessionPage(browser, testInfo, 'provider');
  const pp = provider.page;
  await pp.goto('/provider/crew/invite');
  await expect(pp.getByRole('heading', { level: 1, name: 'Invite a crew member' })).toBeVisible();
  await pp.getByRole('button', { name: 'Send invitation' }).click();
  await expect(pp.getByText('Please check').first()).toBeVisible();
  await pp.getByLabel('Email').fill(invitee.email);
  await pp.getByLabel('Name shown to customers').fill('Ivy Invitee');
  await pp.getByLabel('Skills').fill('handyman');
  await pp.getByRole('button', { name: 'Send invitation' }).click();
  await toast(pp, 'Invitation sent');
  await screenshot(pp, 'desk-invite');
  await provider.context.close();

  const link = await newestMailLink(page, invitee.email, '/crew-invite');
  await page.goto(link);
  await expect(page.getByText('Sign in with the email address')).toBeVisible();
  await signIn(page, invitee.email, invitee.password);
  await page.goto(link);
  await expect(page.getByText('Thames Home Services invited you')).toBeVisible();
  await screenshot(page, 'desk-invite-accept');
  await page.getByRole('button', { name: 'Join Thames Home Services' }).click();
  await page.waitForURL('**/provider/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'My jobs' })).toBeVisible();
});
