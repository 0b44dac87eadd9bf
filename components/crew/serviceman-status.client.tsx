'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { setServicemanStatusAction } from '@/lib/crew/actions';

/** Activate / deactivate a crew member. Deactivated people get no new slots or offers. */
export function ServicemanStatusButton({ servicemanId, name, status }: { servicemanId: string; name: string; status: 'invited' | 'active' | 'inactive' }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const target = status === 'active' ? 'inactive' : 'active';
  return (
    <Button
      variant={target === 'active' ? 'primary' : 'secondary'}
      size="sm"
      loading={pending}
      onClick={() =>
        start(async () => {
          const { toast } = await import('@/components/ui/toast');
          try {
            const r = await setServicemanStatusAction({ servicemanId, status: target });
            if (r.ok) {
              toast.success(`${name} is now ${target}`);
              router.refresh();
            } else toast.error(r.error.message);
          } catch {
            toast.error('The change could not be saved. Check your connection and try again.');
          }
        })
      }
    >
      {target === 'active' ? 'Activate' : 'Deactivate'}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
