'use client';

import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Archive, Pause, Play } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import type { ZoneStatus } from '@/lib/geo/types';
import { setZoneStatusAction } from '@/lib/geo/zone-actions';

type Target = Exclude<ZoneStatus, 'draft'>;

const copy: Record<Target, { verb: string; title: string; body: string; variant: 'primary' | 'secondary' | 'danger'; Icon: typeof Play }> = {
  active: {
    verb: 'Activate',
    title: 'Activate this zone?',
    body: 'Matching and the explorer start using it at once; providers covering it become findable here.',
    variant: 'primary',
    Icon: Play,
  },
  paused: {
    verb: 'Pause',
    title: 'Pause this zone?',
    body: 'It stops being used for matching and disappears from the explorer until activated again. Coverage is kept.',
    variant: 'secondary',
    Icon: Pause,
  },
  archived: {
    verb: 'Archive',
    title: 'Archive this zone?',
    body: 'It stops matching and leaves the lists. Coverage rows are kept for history; the name becomes free for a new zone.',
    variant: 'danger',
    Icon: Archive,
  },
};

/** Which status changes make sense from here (archived is final in the UI). */
export function nextStatuses(status: ZoneStatus): Target[] {
  switch (status) {
    case 'draft':
      return ['active', 'archived'];
    case 'active':
      return ['paused', 'archived'];
    case 'paused':
      return ['active', 'archived'];
    default:
      return [];
  }
}

export function ZoneStatusControls({ zoneId, zoneName, status }: { zoneId: string; zoneName: string; status: ZoneStatus }) {
  const targets = nextStatuses(status);
  if (targets.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {targets.map((t) => (
        <StatusDialog key={t} zoneId={zoneId} zoneName={zoneName} target={t} />
      ))}
    </div>
  );
}

function StatusDialog({ zoneId, zoneName, target }: { zoneId: string; zoneName: string; target: Target }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorRef = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const c = copy[target];

  function confirm() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await setZoneStatusAction({ zoneId, status: target });
        if (result.ok) {
          const { toast } = await import('@/components/ui/toast');
          toast.success(`${zoneName}: ${target === 'active' ? 'activated' : target}`);
          setOpen(false);
          router.refresh();
          return;
        }
        setError(result.error.message);
      } catch {
        setError('The change could not be saved. Check your connection and try again.');
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={c.variant} size="sm">
          <c.Icon aria-hidden="true" />
          {c.verb}
          <span className="sr-only"> {zoneName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>{c.title}</DialogTitle>
          <DialogDescription>
            {zoneName}: {c.body}
          </DialogDescription>
        </DialogHeader>
        <div ref={errorRef} tabIndex={-1} className="outline-none">
          <FormError message={error ?? undefined} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant={c.variant === 'secondary' ? 'primary' : c.variant} loading={pending} onClick={confirm}>
            {c.verb} zone
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
