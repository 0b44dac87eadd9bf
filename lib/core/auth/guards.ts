import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import type { UserActor } from '@/lib/core/context';
import { safeCallbackUrl } from '@/components/layout/nav-config';
import { can, type Permission } from './permissions';
import { getActor } from './session';

/**
 * For server pages and layouts that render private data: signed-in (else to sign-in, coming back
 * here afterwards) and holding the permission (else a real 403). Pages call this themselves —
 * layouts render in parallel with pages, so a layout check alone would not protect page data.
 */
export async function requirePermission(permission: Permission): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    const h = await headers();
    const path = safeCallbackUrl(h.get('x-pathname'));
    redirect(`/sign-in${path ? `?callbackUrl=${encodeURIComponent(path)}` : ''}`);
  }
  if (!can(actor, permission)) forbidden();
  return actor;
}

export async function requireUser(): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}
