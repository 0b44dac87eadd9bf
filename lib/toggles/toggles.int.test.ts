import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, featureToggles } from '@/db/schema';
import { seedToggles } from '@/db/seed/toggles';
import { AppError } from '@/lib/core/errors';
import { env } from '@/lib/core/env';
import { anonCtx, ctxFor, expectAppError, makeUser } from '@/test/factories';
import { isEnabled, listToggles } from './queries';
import { inRollout } from './rollout';
import { setToggle } from './set-toggle';

let n = 0;
const uniqueKey = () => `test.t${Date.now().toString(36)}${(n++).toString(36)}`;

const auditFor = (key: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'toggles.update'), eq(auditLog.entityId, key)))
    .orderBy(auditLog.seq);

describe('setToggle', () => {
  it('creates then updates a toggle for this environment, auditing before and after', async () => {
    const admin = await makeUser(['admin']);
    const ctx = await ctxFor(admin.id);
    const key = uniqueKey();

    const created = await setToggle(ctx, { key, description: 'Demo', enabled: 'on', rolloutPercent: '25' });
    expect(created).toMatchObject({ created: true, changed: true, toggle: { key, environment: env().APP_ENV, enabled: true, rolloutPercent: 25, updatedBy: admin.id } });

    const updated = await setToggle(ctx, { key, description: 'Demo', rolloutPercent: '60' });
    expect(updated).toMatchObject({ created: false, changed: true, toggle: { enabled: false, rolloutPercent: 60 } });

    const rows = await auditFor(key);
    expect(rows.map((r) => r.data)).toEqual([
      { environment: env().APP_ENV, created: true, before: null, after: { enabled: true, rolloutPercent: 25 } },
      {
        environment: env().APP_ENV,
        created: false,
        before: { enabled: true, rolloutPercent: 25 },
        after: { enabled: false, rolloutPercent: 60 },
        descriptionChanged: false,
      },
    ]);
    expect(rows.every((r) => r.actorId === admin.id)).toBe(true);
  });

  it('writes and audits nothing when the values did not change', async () => {
    const ctx = await ctxFor((await makeUser(['admin'])).id);
    const key = uniqueKey();
    await setToggle(ctx, { key, description: 'Kept', enabled: true, rolloutPercent: 10 });
    const again = await setToggle(ctx, { key, enabled: true, rolloutPercent: 10 });
    expect(again).toMatchObject({ changed: false, toggle: { description: 'Kept' } });
    expect(await auditFor(key)).toHaveLength(1);
  });

  it('keeps the description when a caller leaves it out, and clears it when sent empty', async () => {
    const ctx = await ctxFor((await makeUser(['admin'])).id);
    const key = uniqueKey();
    await setToggle(ctx, { key, description: 'Explains the flag', enabled: false, rolloutPercent: 100 });
    expect((await setToggle(ctx, { key, enabled: true, rolloutPercent: 100 })).toggle.description).toBe('Explains the flag');
    const cleared = await setToggle(ctx, { key, description: '', enabled: true, rolloutPercent: 100 });
    expect(cleared.toggle.description).toBe('');
    expect((await auditFor(key)).at(-1)?.data).toMatchObject({ descriptionChanged: true });
  });

  it('refuses invalid input with field errors and saves nothing', async () => {
    const ctx = await ctxFor((await makeUser(['admin'])).id);
    const err = await expectAppError(setToggle(ctx, { key: 'Bad Key', rolloutPercent: 101 }), 'VALIDATION');
    expect(Object.keys(err.details.fieldErrors ?? {})).toEqual(expect.arrayContaining(['key', 'rolloutPercent']));
  });

  it('refuses roles without toggles.update (operations can read but not change)', async () => {
    const key = uniqueKey();
    const ops = await ctxFor((await makeUser(['operations'])).id);
    await expectAppError(setToggle(ops, { key, enabled: true, rolloutPercent: 100 }), 'FORBIDDEN');
    await expectAppError(setToggle(await ctxFor((await makeUser(['customer'])).id), { key, rolloutPercent: 100 }), 'FORBIDDEN');
    await expectAppError(setToggle(anonCtx(), { key, rolloutPercent: 100 }), 'FORBIDDEN');
    expect(await db().select().from(featureToggles).where(eq(featureToggles.key, key))).toHaveLength(0);
    await expect(listToggles(ops.actor)).resolves.toBeInstanceOf(Array);
    await expectAppError(listToggles(anonCtx().actor), 'FORBIDDEN');
  });
});

describe('isEnabled', () => {
  it('is off for missing and disabled toggles, on for everyone at 100 %, and buckets users in between', async () => {
    const ctx = await ctxFor((await makeUser(['admin'])).id);
    const key = uniqueKey();
    expect(await isEnabled(key, 'someone')).toBe(false);

    await setToggle(ctx, { key, enabled: false, rolloutPercent: 100 });
    expect(await isEnabled(key, 'someone')).toBe(false);

    await setToggle(ctx, { key, enabled: true, rolloutPercent: 100 });
    expect(await isEnabled(key, 'someone')).toBe(true);
    expect(await isEnabled(key, null)).toBe(true);

    await setToggle(ctx, { key, enabled: true, rolloutPercent: 50 });
    expect(await isEnabled(key, null)).toBe(false);
    for (const userId of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
      expect(await isEnabled(key, userId)).toBe(inRollout(50, key, userId));
    }

    await setToggle(ctx, { key, enabled: true, rolloutPercent: 0 });
    expect(await isEnabled(key, 'u1')).toBe(false);
  });
});

describe('seedToggles', () => {
  it('is idempotent and restores the demo values', async () => {
    await db().transaction((tx) => seedToggles(tx));
    await db().update(featureToggles).set({ enabled: false }).where(eq(featureToggles.key, 'explorer.clusters'));
    await db().transaction((tx) => seedToggles(tx));
    const rows = await db().select().from(featureToggles).where(eq(featureToggles.environment, env().APP_ENV));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('explorer.clusters')).toMatchObject({ enabled: true, rolloutPercent: 100 });
    expect(byKey.get('bookings.instant')).toMatchObject({ enabled: true, rolloutPercent: 50 });
    expect(byKey.get('ai.assist')).toMatchObject({ enabled: false });
    expect(rows.filter((r) => ['explorer.clusters', 'bookings.instant', 'ai.assist'].includes(r.key))).toHaveLength(3);
  });
});
