'use client';

import { lazy, Suspense, useSyncExternalStore } from 'react';

// Toasts only ever follow an interaction, so the toast library loads after the page is usable
// (React.lazy after mount: nothing of it in the server render or the first-load JavaScript).
const Toaster = lazy(() => import('@/components/ui/toast').then((m) => ({ default: m.Toaster })));

const noop = () => () => {};

export function LazyToaster() {
  // false while rendering on the server and hydrating, true once the page runs in the browser.
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  return mounted ? (
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  ) : null;
}
