import type { Permission } from '@/lib/core/auth/permissions';
import type { Role } from '@/lib/core/auth/roles';

/** Client-safe navigation model: what each panel shows, and to whom. */
export interface NavItem {
  href: string;
  label: string;
  /** Shown only to holders of one of these roles (undefined = everyone who can open the panel). */
  roles?: readonly Role[];
}

export interface PanelDef {
  key: 'account' | 'provider' | 'enterprise' | 'admin';
  title: string;
  href: string;
  permission: Permission;
  items: NavItem[];
}

export const panels: PanelDef[] = [
  {
    key: 'account',
    title: 'My account',
    href: '/account',
    permission: 'panel.account',
    items: [
      { href: '/account', label: 'Overview' },
      { href: '/account/bookings', label: 'My bookings' },
      { href: '/account/jobs', label: 'Custom jobs' },
      { href: '/account/rentals', label: 'My rentals' },
      { href: '/account/orders', label: 'Orders' },
      { href: '/account/reviews', label: 'Reviews' },
      { href: '/account/disputes', label: 'Disputes' },
      { href: '/account/addresses', label: 'Saved addresses' },
      { href: '/account/favourites', label: 'Saved providers' },
      { href: '/account/billing', label: 'Billing & invoices' },
      { href: '/account/documents', label: 'ID & insurance' },
      { href: '/account/notifications', label: 'Notifications' },
      { href: '/account/security', label: 'Sign-in & security' },
    ],
  },
  {
    key: 'provider',
    title: 'Provider panel',
    href: '/provider',
    permission: 'panel.provider',
    items: [
      { href: '/provider', label: 'Dashboard' },
      { href: '/provider/bookings', label: 'Bookings', roles: ['provider_admin'] },
      { href: '/provider/job-feed', label: 'Job feed', roles: ['provider_admin'] },
      { href: '/provider/bids', label: 'My bids', roles: ['provider_admin'] },
      { href: '/provider/jobs', label: 'My jobs', roles: ['serviceman'] },
      { href: '/provider/services', label: 'Services', roles: ['provider_admin'] },
      { href: '/provider/crew', label: 'Crew & availability', roles: ['provider_admin', 'serviceman'] },
      { href: '/provider/zones', label: 'Zones & coverage', roles: ['provider_admin'] },
      { href: '/provider/inventory', label: 'Inventory', roles: ['provider_admin'] },
      { href: '/provider/rentals', label: 'Rental desk', roles: ['provider_admin'] },
      { href: '/provider/listings', label: 'Listings', roles: ['provider_admin'] },
      { href: '/provider/orders', label: 'Orders', roles: ['provider_admin'] },
      { href: '/provider/compliance', label: 'Compliance', roles: ['provider_admin', 'serviceman'] },
      { href: '/provider/payouts', label: 'Payouts', roles: ['provider_admin'] },
      { href: '/provider/billing', label: 'Business details', roles: ['provider_admin'] },
      { href: '/provider/reviews', label: 'Reviews', roles: ['provider_admin'] },
      { href: '/provider/disputes', label: 'Disputes', roles: ['provider_admin'] },
      { href: '/provider/team', label: 'Team', roles: ['provider_admin'] },
    ],
  },
  {
    key: 'enterprise',
    title: 'Enterprise panel',
    href: '/enterprise',
    permission: 'panel.enterprise',
    items: [
      { href: '/enterprise', label: 'Overview' },
      { href: '/enterprise/members', label: 'Members', roles: ['enterprise_admin'] },
      { href: '/enterprise/billing', label: 'Billing', roles: ['enterprise_admin'] },
    ],
  },
  {
    key: 'admin',
    title: 'Platform admin',
    href: '/admin',
    permission: 'panel.admin',
    items: [
      { href: '/admin', label: 'Overview' },
      { href: '/admin/zones', label: 'Zones', roles: ['admin', 'operations'] },
      { href: '/admin/matching', label: 'Matching tool', roles: ['admin', 'operations'] },
      { href: '/admin/sla', label: 'SLA board', roles: ['admin', 'operations'] },
      { href: '/admin/notifications', label: 'Notifications' },
      { href: '/admin/reviews', label: 'Reviews', roles: ['admin', 'operations'] },
      { href: '/admin/disputes', label: 'Disputes', roles: ['admin', 'operations'] },
      { href: '/admin/compliance', label: 'Compliance', roles: ['admin', 'operations'] },
      { href: '/admin/moderation', label: 'Moderation', roles: ['admin', 'operations'] },
      { href: '/admin/rentals', label: 'Rentals', roles: ['admin', 'operations'] },
      { href: '/admin/orders', label: 'Orders', roles: ['admin', 'operations'] },
      { href: '/admin/finance', label: 'Finance', roles: ['admin', 'finance'] },
      { href: '/admin/rbac', label: 'Roles & access', roles: ['admin'] },
      { href: '/admin/toggles', label: 'Feature toggles', roles: ['admin', 'operations'] },
      { href: '/admin/audit', label: 'Audit log', roles: ['admin'] },
      { href: '/dev/mailbox', label: 'Mailbox', roles: ['admin', 'operations'] },
    ],
  },
];

/** Where a person lands after signing in: the most specific panel their roles open. */
export function landingFor(roles: readonly Role[]): string {
  if (roles.includes('admin') || roles.includes('operations') || roles.includes('finance') || roles.includes('marketing')) return '/admin';
  if (roles.includes('provider_admin') || roles.includes('serviceman')) return '/provider';
  if (roles.includes('enterprise_admin') || roles.includes('enterprise_member')) return '/enterprise';
  return '/account';
}

/** Only same-site relative paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.length > 500) return null;
  return value;
}
