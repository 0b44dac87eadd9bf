import { Suspense, type ReactNode } from 'react';
import { LoadingState } from '@/components/ui/states';
import { requirePermission } from '@/lib/core/auth/guards';
import type { Permission } from '@/lib/core/auth/permissions';

/**
 * A page that checks its permission BEFORE anything streams (so a refusal is a real 403, not a
 * 200 with an error body), then streams its content with a loading state while data arrives.
 * The content may call requirePermission again: the actor is cached per request.
 */
export function guardedPage<P extends object>(permission: Permission, Content: (props: P) => Promise<ReactNode>, loadingLabel = 'Loading…') {
  return async function GuardedPage(props: P) {
    await requirePermission(permission);
    return (
      <Suspense fallback={<LoadingState label={loadingLabel} />}>
        <Content {...props} />
      </Suspense>
    );
  };
}
