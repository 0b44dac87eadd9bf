import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { anonCtx, ctxFor, expectAppError, makeUser } from '@/test/factories';
import { listNotifications, unreadCount } from './in-app';
import { markNotificationsRead } from './mark-read';

let me: Ctx;
let other: Ctx;
let myIds: string[] = [];
let otherId: string;

beforeAll(async () => {
  const a = await makeUser(['customer']);
  const b = await makeUser(['operations']);
  me = await ctxFor(a.id);
  other = await ctxFor(b.id);
  const base = Date.now() - 10 * 60_000;
  myIds = [];
  for (let i = 0; i < 5; i++) {
    const id = newId();
    myIds.push(id);
    await db().insert(notifications).values({ id, userId: a.id, kind: 'booking.confirmed', title: `N${i}`, body: 'b', href: i === 0 ? '//evil.example' : `/account/bookings/${i}`, businessKey: `k${i}`, createdAt: new Date(base + i * 1000) });
  }
  otherId = newId();
  await db().insert(notifications).values({ id: otherId, userId: b.id, kind: 'booking.sla_breached', title: 'Other', businessKey: 'x' });
});

describe('notification centre', () => {
  it('lists own notifications newest first with a keyset cursor; never foreign rows or off-site links', async () => {
    const first = await listNotifications(me, { limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(['N4', 'N3', 'N2']);
    expect(first.nextCursor).toBeTruthy();
    const second = await listNotifications(me, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((n) => n.title)).toEqual(['N1', 'N0']);
    expect(second.nextCursor).toBeNull();
    expect(second.items[1].href).toBeNull();
    expect(second.items[0].href).toBe('/account/bookings/1');
    await expectAppError(listNotifications(me, { cursor: 'nope' }), 'VALIDATION');
    expect(await unreadCount(me)).toBe(5);
    expect((await listNotifications(other)).items.map((n) => n.id)).toEqual([otherId]);
  });

  it('marks own rows read by id (foreign ids ignored) and all; unread filter and count follow', async () => {
    const r = await markNotificationsRead(me, { ids: [myIds[0], otherId] });
    expect(r.updated).toBe(1);
    const [foreign] = await db().select().from(notifications).where(eq(notifications.id, otherId));
    expect(foreign.readAt).toBeNull();
    expect(await unreadCount(me)).toBe(4);
    expect((await listNotifications(me, { unreadOnly: 'true' })).items).toHaveLength(4);
    await expectAppError(markNotificationsRead(me, {}), 'VALIDATION');
    await expectAppError(markNotificationsRead(me, { ids: ['not-a-uuid'] }), 'VALIDATION');
    expect((await markNotificationsRead(me, { all: true })).updated).toBe(4);
    expect(await unreadCount(me)).toBe(0);
    expect(await unreadCount(other)).toBe(1);
  });

  it('refuses anonymous callers', async () => {
    await expectAppError(unreadCount(anonCtx()), 'UNAUTHENTICATED');
    await expectAppError(markNotificationsRead(anonCtx(), { all: true }), 'UNAUTHENTICATED');
  });
});
