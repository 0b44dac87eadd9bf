import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestamps } from './_columns';

export const roleEnum = pgEnum('role', [
  'customer',
  'provider_admin',
  'serviceman',
  'enterprise_admin',
  'enterprise_member',
  'marketing',
  'operations',
  'finance',
  'admin',
]);

export const orgKindEnum = pgEnum('org_kind', ['platform', 'provider', 'enterprise']);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    // Bumped to end every session of the user: JWTs carry the version they were issued with.
    sessionVersion: integer().notNull().default(0),
    timeZone: text().notNull().default('Europe/London'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_email_shape', sql`position('@' in ${t.email}) > 1`),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: orgKindEnum().notNull(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    timeZone: text().notNull().default('Europe/London'),
    ...timestamps(),
  },
  (t) => [check('organisations_slug_shape', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

/**
 * A role held by a user, inside an organisation for every role except customer. An expiry turns
 * it into just-in-time elevation: it stops counting at `expires_at` without anyone revoking it.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    reason: text(),
    grantedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('memberships_user_org_role_key').on(t.userId, t.orgId, t.role).nullsNotDistinct(),
    index('memberships_org_idx').on(t.orgId),
    check('memberships_customer_has_no_org', sql`(${t.role} = 'customer') = (${t.orgId} IS NULL)`),
    check('memberships_expiry_needs_reason', sql`${t.expiresAt} IS NULL OR length(${t.reason}) >= 3`),
  ],
);

export const authTokenPurposeEnum = pgEnum('auth_token_purpose', ['verify_email', 'reset_password']);

/** One-time tokens for email verification and password reset; only the hash is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: authTokenPurposeEnum().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId, t.purpose)],
);

/**
 * Sessions ended by "Sign out": a JWT cannot be deleted, so its id is remembered until the token
 * would have expired anyway. A copy of a signed-out cookie therefore stops working at once.
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
