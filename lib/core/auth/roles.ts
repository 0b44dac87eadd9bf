/** Client-safe role vocabulary (no server imports): used by navigation and the permission table. */
export const roles = [
  'customer',
  'provider_admin',
  'serviceman',
  'enterprise_admin',
  'enterprise_member',
  'marketing',
  'operations',
  'finance',
  'admin',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  customer: 'Customer',
  provider_admin: 'Provider admin',
  serviceman: 'Serviceman',
  enterprise_admin: 'Enterprise admin',
  enterprise_member: 'Enterprise member',
  marketing: 'Marketing',
  operations: 'Operations',
  finance: 'Finance',
  admin: 'Admin',
};

/** Which kind of organisation a role lives in (customer lives in none). */
export const roleOrgKind: Record<Role, 'platform' | 'provider' | 'enterprise' | null> = {
  customer: null,
  provider_admin: 'provider',
  serviceman: 'provider',
  enterprise_admin: 'enterprise',
  enterprise_member: 'enterprise',
  marketing: 'platform',
  operations: 'platform',
  finance: 'platform',
  admin: 'platform',
};

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (roles as readonly string[]).includes(v);
