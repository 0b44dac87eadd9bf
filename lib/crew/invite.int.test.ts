import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, mailMessages, memberships, servicemen } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { acceptInvite, describeInvite } from './accept-invite';
import { inviteServiceman } from './invite-serviceman';

let admin: Ctx;
let orgId: string;
let otherAdmin: Ctx;
let customer: Ctx;
const invitedEmail = `crew-${Date.now().toString(36)}@example.test`;

const tokenFrom = (text: string) => decodeURIComponent(/token=([^\s]+)/.exec(text)![1]);
async function lastMailTo(to: string) {
  const rows = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, to));
  return rows.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt)).at(-1)!;
}

beforeAll(async () => {
  const a = await makeUser(['provider_admin']);
  orgId = a.orgs.provider!;
  admin = await ctxFor(a.id);
  otherAdmin = await ctxFor((await makeUser(['provider_admin'])).id);
  customer = await ctxFor((await makeUser(['customer'])).id);
});

describe('crew invitations', () => {
  it('invites by email: an invited row, an audit row and an email with a link; re-inviting re-sends and kills the old link', async () => {
    await expectAppError(inviteServiceman(customer, { email: invitedEmail, displayName: 'Ivy' }), 'FORBIDDEN');
    const err = await expectAppError(inviteServiceman(admin, { email: 'nope', displayName: '' }), 'VALIDATION');
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['displayName', 'email']);

    const first = await inviteServiceman(admin, { email: invitedEmail.toUpperCase(), displayName: 'Ivy Invite', timeZone: 'Europe/London', canLead: 'on' });
    const [row] = await db().select().from(servicemen).where(eq(servicemen.id, first.servicemanId));
    expect(row).toMatchObject({ providerOrgId: orgId, userId: null, status: 'invited', displayName: 'Ivy Invite', canLead: true });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, first.servicemanId), eq(auditLog.action, 'crew.invite')));
    expect(audits).toHaveLength(1);
    const oldToken = tokenFrom((await lastMailTo(invitedEmail)).textBody);

    const again = await inviteServiceman({ ...admin, now: new Date(admin.now.getTime() + 60_000) }, { email: invitedEmail, displayName: 'Ivy Invite' });
    expect(again).toMatchObject({ servicemanId: first.servicemanId, resent: true });
    const token = tokenFrom((await lastMailTo(invitedEmail)).textBody);
    expect(token).not.toBe(oldToken);

    // The invitee signs up with that email, then accepts.
    const someoneElse = await ctxFor((await makeUser(['customer'])).id);
    await expectAppError(acceptInvite(someoneElse, { token }), 'PRECONDITION_FAILED');
    const invitee = await makeUser(['customer'], { email: invitedEmail });
    const inviteeCtx = await ctxFor(invitee.id);
    await expectAppError(acceptInvite(inviteeCtx, { token: oldToken }), 'PRECONDITION_FAILED');
    await expectAppError(acceptInvite(inviteeCtx, { token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }), 'PRECONDITION_FAILED');
    expect(await describeInvite(inviteeCtx, { token })).toMatchObject({ servicemanId: first.servicemanId, displayName: 'Ivy Invite' });

    const res = await acceptInvite(inviteeCtx, { token });
    expect(res).toEqual({ servicemanId: first.servicemanId, providerOrgId: orgId });
    const [active] = await db().select().from(servicemen).where(eq(servicemen.id, first.servicemanId));
    expect(active).toMatchObject({ userId: invitee.id, status: 'active' });
    const roles = await db().select().from(memberships).where(and(eq(memberships.userId, invitee.id), eq(memberships.role, 'serviceman')));
    expect(roles.map((r) => r.orgId)).toEqual([orgId]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, first.servicemanId), eq(auditLog.action, 'crew.invite_accepted')))).toHaveLength(1);
    // Used once only.
    await expectAppError(acceptInvite(inviteeCtx, { token }), 'PRECONDITION_FAILED');
    // Now a crew member: inviting the same account again is a conflict; another provider cannot see the row.
    await expectAppError(inviteServiceman(admin, { email: invitedEmail, displayName: 'Ivy' }), 'CONFLICT');
    const other = await inviteServiceman(otherAdmin, { email: invitedEmail, displayName: 'Ivy elsewhere' });
    expect(other.servicemanId).not.toBe(first.servicemanId);
  });

  it('expired links are refused', async () => {
    const email = `late-${Date.now().toString(36)}@example.test`;
    await inviteServiceman(admin, { email, displayName: 'Late' });
    const token = tokenFrom((await lastMailTo(email)).textBody);
    const u = await makeUser(['customer'], { email });
    await expectAppError(acceptInvite(await ctxFor(u.id, new Date(Date.now() + 8 * 24 * 3_600_000)), { token }), 'PRECONDITION_FAILED');
  });
});
