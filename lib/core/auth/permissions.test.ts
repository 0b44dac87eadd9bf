import { describe, expect, it } from 'vitest';
import { allPermissions, authorize, can, permissions } from './permissions';
import { roles } from './roles';
import { AppError } from '../errors';

describe('permission table', () => {
  it('names only real roles, never an empty list, and uses domain.verb names', () => {
    for (const p of allPermissions) {
      expect(p).toMatch(/^[a-z_]+\.[a-z_]+$/);
      const allowed = permissions[p] as readonly string[];
      expect(allowed.length).toBeGreaterThan(0);
      for (const r of allowed) expect(roles).toContain(r);
    }
  });

  it('can() answers exactly the table for every role × permission', () => {
    for (const p of allPermissions) {
      for (const r of roles) {
        expect(can({ roles: [r] }, p)).toBe((permissions[p] as readonly string[]).includes(r));
      }
    }
  });

  it('holding several roles is the union; none is nothing', () => {
    expect(can({ roles: ['customer', 'admin'] }, 'rbac.grant')).toBe(true);
    expect(can({ roles: [] }, 'panel.account')).toBe(false);
    expect(can(null, 'panel.account')).toBe(false);
  });

  it('authorize throws UNAUTHENTICATED without an actor and FORBIDDEN without the role', () => {
    expect(() => authorize(null, 'rbac.grant')).toThrow(AppError);
    try {
      authorize({ roles: ['customer'] }, 'rbac.grant');
    } catch (e) {
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
    expect(() => authorize({ roles: ['admin'] }, 'rbac.grant')).not.toThrow();
  });
});
