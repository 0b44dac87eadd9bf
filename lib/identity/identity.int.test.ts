import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, authTokens, domainEvents, mailMessages, memberships, users } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser, TEST_PASSWORD } from '@/test/factories';
import { changePassword } from './change-password';
import { disableUser } from './disable-user';
import { grantRole, revokeRole } from './grant-role';
import { resolveActor } from './queries';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import { signOutEverywhere } from './sign-out-everywhere';
import { pruneRevokedSessions, revokeSession } from './sign-out';
import { signUp, signUpProvider } from './sign-up';
import { verifyCredentials } from './verify-credentials';
import { verifyEmail } from './verify-email';

const tokenFromMail = async (to: string, pathPart: string) => {
  const [m] = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, to)).orderBy(sql`${mailMessages.createdAt} desc`).limit(5);
  const match = m?.textBody.match(new RegExp(`${pathPart}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${pathPart} link mailed to ${to}`);
  return decodeURIComponent(match[1]);
};

describe('sign-up, verification and sign-in', () => {
  it('creates a customer who must confirm their email before signing in', async () => {
    const email = `new-${Date.now()}@example.test`;
    const { userId } = await signUp(anonCtx(), { name: 'New Person', email: email.toUpperCase(), password: 'a-long-password' });
    const [u] = await db().select().from(users).where(eq(users.id, userId));
    expect(u.email).toBe(email); // normalised to lower case
    expect(u.passwordHash).not.toContain('a-long-password');
    expect(await verifyCredentials({ email, password: 'a-long-password' }, '10.0.0.1', new Date())).toEqual({ ok: false, reason: 'unverified' });
    const token = await tokenFromMail(email, '/verify-email');
    await verifyEmail(anonCtx(), { token });
    const ok = await verifyCredentials({ email, password: 'a-long-password' }, '10.0.0.1', new Date());
    expect(ok.ok).toBe(true);
    // A token works once.
    await expectAppError(verifyEmail(anonCtx(), { token }), 'PRECONDITION_FAILED');
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, userId))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.sign_up', 'identity.verify_email']));
    const events = (await db().select().from(domainEvents).where(sql`${domainEvents.payload}->>'userId' = ${userId}`)).map((e) => e.name);
    expect(events).toEqual(['identity.user_signed_up', 'identity.email_verified']);
  });

  it('refuses a duplicate email with a 409 naming the field, and saves nothing', async () => {
    const { email } = await makeUser();
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(users);
    const err = await expectAppError(signUp(anonCtx(), { name: 'Dup', email, password: 'a-long-password' }), 'CONFLICT');
    expect(err.details.fieldErrors?.email).toBeDefined();
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after[0].n).toBe(before[0].n);
  });

  it('names each invalid field', async () => {
    const err = await expectAppError(signUp(anonCtx(), { name: 'x', email: 'nope', password: 'short', role: 'admin' }), 'VALIDATION');
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password']);
  });

  it('provider sign-up creates the business with its owner as provider_admin', async () => {
    const email = `owner-${Date.now()}@example.test`;
    const { userId, providerId } = await signUpProvider(anonCtx(), { name: 'Owner', email, password: 'a-long-password', businessName: 'Best Plumbing Ltd' });
    const actor = await resolveActor(userId, 0, new Date());
    expect(actor?.roles.sort()).toEqual(['customer', 'provider_admin']);
    expect(actor?.providerId).toBe(providerId);
  });

  it('answers the same for an unknown account and a wrong password, and throttles', async () => {
    const { email } = await makeUser();
    const ip = `10.1.${Math.floor(Math.random() * 200)}.1`;
    const unknown = await verifyCredentials({ email: 'nobody@example.test', password: 'whatever-pass' }, ip, new Date());
    const wrong = await verifyCredentials({ email, password: 'wrong-password' }, ip, new Date());
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await verifyCredentials({ email, password: 'wrong-password' }, ip, new Date()));
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'rate_limited' });
    // Even the right password is refused while throttled.
    expect(await verifyCredentials({ email, password: TEST_PASSWORD }, ip, new Date())).toMatchObject({ reason: 'rate_limited' });
    // An unknown account is throttled just the same (no enumeration by throttling behaviour).
    for (let i = 0; i < 6; i++) await verifyCredentials({ email: 'ghost@example.test', password: 'x-wrong-pass' }, ip, new Date());
    expect(await verifyCredentials({ email: 'ghost@example.test', password: 'x-wrong-pass' }, ip, new Date())).toMatchObject({ reason: 'rate_limited' });
  });
});

describe('sessions end on revocation', () => {
  it('sign-out-everywhere, password change and disable bump the session version', async () => {
    const { id } = await makeUser();
    expect(await resolveActor(id, 0, new Date())).not.toBeNull();
    await signOutEverywhere(await ctxFor(id));
    expect(await resolveActor(id, 0, new Date())).toBeNull();
    expect(await resolveActor(id, 1, new Date())).not.toBeNull();

    const ctx = { requestId: 'test-change-password', now: new Date(), actor: (await resolveActor(id, 1, new Date()))! };
    await expectAppError(changePassword(ctx, { currentPassword: 'not-it', newPassword: 'another-long-pass' }), 'VALIDATION');
    await changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: 'another-long-pass' });
    expect(await resolveActor(id, 1, new Date())).toBeNull();

    const admin = await makeUser(['admin']);
    await disableUser(await ctxFor(admin.id), { userId: id, reason: 'fraud report' });
    expect(await resolveActor(id, 2, new Date())).toBeNull();
    expect(await resolveActor(id, 3, new Date())).toBeNull(); // disabled, whatever the version
  });

  it('sign-out revokes exactly that session until its token would expire', async () => {
    const { id } = await makeUser();
    const t0 = new Date();
    await revokeSession(await ctxFor(id), { userId: id, sessionId: 'session-a', expiresAt: new Date(t0.getTime() + 3600_000) });
    expect(await resolveActor(id, 0, t0, 'session-a')).toBeNull();
    expect(await resolveActor(id, 0, t0, 'session-b')).not.toBeNull(); // the other device stays in
    expect(await pruneRevokedSessions(new Date(t0.getTime() + 2 * 3600_000))).toBeGreaterThanOrEqual(1);
  });

  it('password reset via the mailed link verifies, changes the password and ends sessions', async () => {
    const { id, email } = await makeUser([], { verified: false });
    await requestPasswordReset(anonCtx(), { email });
    await requestPasswordReset(anonCtx(), { email: 'nobody-here@example.test' }); // same answer, no mail
    const token = await tokenFromMail(email, '/reset-password/confirm');
    await resetPassword(anonCtx(), { token, password: 'brand-new-password' });
    expect(await resolveActor(id, 0, new Date())).toBeNull();
    const ok = await verifyCredentials({ email, password: 'brand-new-password' }, '10.9.9.9', new Date());
    expect(ok.ok).toBe(true);
    await expectAppError(resetPassword(anonCtx(), { token, password: 'yet-another-pass' }), 'PRECONDITION_FAILED');
    const unused = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, 'nobody-here@example.test'));
    expect(unused).toHaveLength(0);
  });
});

describe('RBAC', () => {
  it('only admins grant roles; just-in-time roles stop working at expiry', async () => {
    const admin = await makeUser(['admin']);
    const target = await makeUser(['customer']);
    const ops = await makeUser(['operations']);
    await expectAppError(grantRole(await ctxFor(ops.id), { email: target.email, role: 'admin' }), 'FORBIDDEN');
    await expectAppError(grantRole(await ctxFor(admin.id), { email: target.email, role: 'operations', expiresInHours: 2 }), 'VALIDATION');
    const t0 = new Date();
    const ctx = { ...(await ctxFor(admin.id)), now: t0 };
    await grantRole(ctx, { email: target.email, role: 'operations', expiresInHours: 2, reason: 'incident INC-42' });
    expect((await resolveActor(target.id, 0, new Date(t0.getTime() + 3600_000)))?.roles).toContain('operations');
    expect((await resolveActor(target.id, 0, new Date(t0.getTime() + 3 * 3600_000)))?.roles).not.toContain('operations');
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'rbac.grant'), eq(auditLog.actorId, admin.id)));
    expect(audit.data).toMatchObject({ role: 'operations', temporary: true });
  });

  it('puts org roles in an organisation of the right kind, and revokes', async () => {
    const admin = await makeUser(['admin']);
    const target = await makeUser(['customer']);
    const enterprise = await makeOrg('enterprise');
    const provider = await makeOrg('provider');
    await expectAppError(grantRole(await ctxFor(admin.id), { email: target.email, role: 'serviceman', orgSlug: enterprise.slug }), 'VALIDATION');
    const { membershipId } = await grantRole(await ctxFor(admin.id), { email: target.email, role: 'serviceman', orgSlug: provider.slug });
    expect((await resolveActor(target.id, 0, new Date()))?.providerId).toBe(provider.id);
    await revokeRole(await ctxFor(admin.id), { membershipId });
    expect((await resolveActor(target.id, 0, new Date()))?.roles).toEqual(['customer']);
    await expectAppError(revokeRole(await ctxFor(admin.id), { membershipId }), 'NOT_FOUND');
  });

  it('the database refuses a customer role inside an organisation', async () => {
    const u = await makeUser([]);
    const org = await makeOrg('provider');
    await expect(db().insert(memberships).values({ userId: u.id, orgId: org.id, role: 'customer' })).rejects.toThrow();
  });
});

describe('tokens', () => {
  it('stores only hashes', async () => {
    const { email } = await makeUser();
    await requestPasswordReset(anonCtx(), { email });
    const token = await tokenFromMail(email, '/reset-password/confirm');
    const rows = await db().select().from(authTokens);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});
