import { sql } from 'drizzle-orm';
import { memberships, organisations, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { pgErrorInfo, rowsOf, type Tx } from '@/db/client';
import { queueMail } from '@/lib/notifications/queue-mail';
import { verifyEmailMail } from './emails';
import { hashPassword } from './password';
import { providerSignUpInput, signUpInput } from './schemas';
import { issueToken } from './tokens';

export interface SignUpResult {
  userId: string;
  email: string;
  providerId?: string;
}

/**
 * Public sign-up: a customer account whose email must be verified before first sign-in. The
 * verification email is queued in the same transaction.
 */
export async function signUp(ctx: Ctx, raw: unknown): Promise<SignUpResult> {
  const input = parseInput(signUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  return withTx(ctx, async (c) => {
    const userId = await insertUser(c.tx, input.email, input.name, passwordHash);
    await c.tx.insert(memberships).values({ userId, role: 'customer' });
    await recordAudit(c, {
      action: 'identity.sign_up',
      entityType: 'user',
      entityId: userId,
    });
    await emitEvent(c, 'identity.user_signed_up', { userId, kind: 'customer' });
    const token = await issueToken(c.tx, userId, 'verify_email', c.now);
    await queueMail(c.tx, verifyEmailMail(input.email, input.name, token));
    return { userId, email: input.email };
  });
}

/** Provider business sign-up: the owner's account plus the provider organisation they run. */
export async function signUpProvider(ctx: Ctx, raw: unknown): Promise<SignUpResult> {
  const input = parseInput(providerSignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  return withTx(ctx, async (c) => {
    const userId = await insertUser(c.tx, input.email, input.name, passwordHash);
    const providerId = newId();
    const slug = await uniqueSlug(c.tx, input.businessName);
    await c.tx.insert(organisations).values({ id: providerId, kind: 'provider', name: input.businessName, slug });
    await c.tx.insert(memberships).values([
      { userId, role: 'customer' },
      { userId, orgId: providerId, role: 'provider_admin' },
    ]);
    await recordAudit(c, {
      action: 'identity.sign_up_provider',
      entityType: 'organisation',
      entityId: providerId,
      tenantId: providerId,
      data: { userId },
    });
    await emitEvent(c, 'identity.user_signed_up', { userId, kind: 'provider', providerId }, providerId);
    const token = await issueToken(c.tx, userId, 'verify_email', c.now);
    await queueMail(c.tx, verifyEmailMail(input.email, input.name, token));
    return { userId, email: input.email, providerId };
  });
}

async function insertUser(tx: Tx, email: string, name: string, passwordHash: string): Promise<string> {
  const id = newId();
  try {
    // A savepoint so the unique violation can be turned into a friendly 409 without aborting.
    await tx.transaction(async (sp) => {
      await sp.insert(users).values({ id, email, name, passwordHash });
    });
  } catch (err) {
    if (pgErrorInfo(err).code === '23505') {
      throw conflict('An account with this email already exists. Sign in or reset your password.', {
        fieldErrors: { email: ['already has an account'] },
      });
    }
    throw err;
  }
  return id;
}

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return base || 'business';
}

async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx.execute(sql`SELECT slug FROM organisations WHERE slug = ${base} OR slug LIKE ${base + '-%'}`);
  const slugs = new Set(rowsOf<{ slug: string }>(taken).map((r) => r.slug));
  if (!slugs.has(base)) return base;
  for (let i = 2; ; i++) if (!slugs.has(`${base}-${i}`)) return `${base}-${i}`;
}
