import { expect, test } from '@playwright/test';
import { seedId } from '../db/seed/ids';
import { apiPost, newSessionPage, useSession } from './helpers';

/**
 * The job's whole life over the public HTTP API, each step by the persona who does it:
 * customer books → provider assigns the crew → the serviceman checks in and completes → the
 * customer reads it completed. The gates hold on the way: the wrong role is 403, completing
 * before checking in is a 409 naming from/to, a retried request replays its first answer and a
 * second completion is a 409. (A second customer on a taken slot: booking.spec.ts.)
 */

const HANDYMAN = seedId('service:thames-home-services:2');
const SAM = seedId('serviceman:thames-home-services:0');
const BRIXTON = { lon: -0.1145, lat: 51.4627 };

const post = apiPost;

test('book → assign → check in → complete over the API, with the role and state gates', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const run = `${Date.now()}`;
  await useSession(page, 'customer');
  const slotsRes = await page.request.get(`/api/v1/services/${HANDYMAN}/slots?days=14&timeZone=Europe/London`);
  expect(slotsRes.status(), await slotsRes.text()).toBe(200);
  const slots = (await slotsRes.json()) as { days: { date: string; slots: { startsAt: string }[] }[] };
  // The last free slot of the fortnight, so other journeys that take early slots never collide.
  const day = [...slots.days].reverse().find((d) => d.slots.length)!;
  const startsAt = day.slots[day.slots.length - 1].startsAt;
  const request = { serviceId: HANDYMAN, type: 'scheduled', startsAt, location: BRIXTON, addressLine: '10 Electric Avenue, London SW9 8JX', paymentMethod: 'pm_card_visa' };
  const created = await post(page.request, baseURL!, '/api/v1/bookings', request, `api-life-${run}`);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const booking = created.body.booking as { id: string; status: string };
  expect(booking.status).toBe('scheduled');

  const provider = await newSessionPage(browser, testInfo, 'provider');
  const serviceman = await newSessionPage(browser, testInfo, 'serviceman');
  try {
    // The customer cannot assign a crew (403 problem+json), the provider can.
    const denied = await post(page.request, baseURL!, `/api/v1/bookings/${booking.id}/assign`, { leadId: SAM, supportIds: [] }, `api-assign-c-${run}`);
    expect(denied.status).toBe(403);
    const assigned = await post(provider.page.request, baseURL!, `/api/v1/bookings/${booking.id}/assign`, { leadId: SAM, supportIds: [] }, `api-assign-${run}`);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.servicemanIds).toEqual([SAM]);

    // Completing before checking in is an illegal transition, named.
    const early = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/complete`, {}, `api-early-${run}`);
    expect(early.status).toBe(409);
    expect(String(early.body.detail)).toContain('scheduled cannot become completed');

    const started = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/check-in`, {}, `api-start-${run}`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('in_progress');
    const done = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/complete`, {}, `api-done-${run}`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('completed');
    // The same request again is a replay (same answer), a new one is a 409.
    const replay = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/complete`, {}, `api-done-${run}`);
    expect(replay.status).toBe(200);
    const again = await post(serviceman.page.request, baseURL!, `/api/v1/bookings/${booking.id}/complete`, {}, `api-done2-${run}`);
    expect(again.status).toBe(409);

    const read = await page.request.get(`/api/v1/bookings/${booking.id}`);
    expect(((await read.json()) as { status: string }).status).toBe('completed');
  } finally {
    await provider.context.close();
    await serviceman.context.close();
  }
});

test('once a slot is full, newcomers get a 409 with alternatives, while a retry of a winner still replays its booking', async ({ page, baseURL }) => {
  await useSession(page, 'customer');
  const slotsRes = await page.request.get(`/api/v1/services/${HANDYMAN}/slots?days=14&timeZone=Europe/London`);
  const slots = (await slotsRes.json()) as { days: { date: string; slots: { startsAt: string }[] }[] };
  // The second-to-last free day, apart from the other journeys' slots.
  const days = slots.days.filter((d) => d.slots.length);
  const day = days[days.length - 2];
  const startsAt = day.slots[Math.floor(day.slots.length / 2)].startsAt;
  const request = { serviceId: HANDYMAN, type: 'scheduled', startsAt, location: BRIXTON, addressLine: '10 Electric Avenue, London SW9 8JX', paymentMethod: 'pm_card_visa' };
  const run = `${Date.now()}`;
  const won: Array<{ key: string; id: string }> = [];
  let refused: Record<string, unknown> | null = null;
  // Every serviceman with the skill takes one booking of the slot; the next request is refused.
  for (let i = 0; i < 12 && !refused; i++) {
    const key = `api-full-${run}-${i}`;
    const res = await post(page.request, baseURL!, '/api/v1/bookings', request, key);
    if (res.status === 200) won.push({ key, id: (res.body.booking as { id: string }).id });
    else {
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      refused = res.body;
    }
  }
  expect(won.length).toBeGreaterThan(0);
  expect(refused, 'the slot fills up').not.toBeNull();
  const alternativesUrl = String((refused as { alternativesUrl?: string }).alternativesUrl ?? '');
  expect(alternativesUrl).toContain(`/api/v1/services/${HANDYMAN}/alternatives`);
  const alternatives = await page.request.get(alternativesUrl);
  expect(alternatives.status()).toBe(200);
  const replay = await page.request.post('/api/v1/bookings', {
    headers: { origin: baseURL!, 'content-type': 'application/json', 'idempotency-key': won[0].key },
    data: request,
  });
  expect(replay.status()).toBe(200);
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect(((await replay.json()) as { booking: { id: string } }).booking.id).toBe(won[0].id);
});
