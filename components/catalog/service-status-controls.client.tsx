'use client';

import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Archive, FilePen, Pause, Play } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import { setServiceStatusAction } from '@/lib/catalog/actions';
import type { ServiceStatus } from '@/lib/catalog/schemas';

const copy: Record<ServiceStatus, { verb: string; body: string; variant: 'primary' | 'secondary' | 'danger'; Icon: typeof Play }> = {
  active: { verb: 'Publish', body: 'Customers can find and book it in the zones you cover with it.', variant: 'primary', Icon: Play },
  paused: { verb: 'Pause', body: 'It stops taking new bookings until you publish it again. Existing bookings stay.', variant: 'secondary', Icon: Pause },
  draft: { verb: 'Back to draft', body: 'It is hidden from customers while you work on it.', variant: 'secondary', Icon: FilePen },
  archived: { verb: 'Archive', body: 'It leaves your list for good and can no longer be edited. Existing bookings stay.', variant: 'danger', Icon: Archive },
};

/** The changes offered from a status (the same table as lib/catalog/set-service-status.ts). */
export function nextServiceStatuses(status: ServiceStatus): ServiceStatus[] {
  switch (status) {
    case 'draft':
      return ['active', 'archived'];
    case 'active':
      return ['paused', 'archived'];
    case 'paused':
      return ['active', 'draft', 'archived'];
    default:
      return [];
  }
}

export function ServiceStatusControls({ serviceId, title, status, compact = false }: { serviceId: string; title: string; status: ServiceStatus; compact?: boolean }) {
  const targets = nextServiceStatuses(status);
  if (!targets.length) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {targets.map((t) => (
        <StatusDialog key={t} serviceId={serviceId} title={title} target={t} compact={compact} />
      ))}
    </div>
  );
}

function StatusDialog({ serviceId, title, target, compact }: { serviceId: string; title: string; target: ServiceStatus; compact: boolean }) {
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
        const result = await setServiceStatusAction({ serviceId, status: target });
        if (result.ok) {
          const { toast } = await import('@/components/ui/toast');
          toast.success(`${title}: ${target === 'active' ? 'published' : target === 'draft' ? 'back to draft' : target}`);
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
        <Button variant={c.variant === 'primary' ? 'primary' : 'secondary'} size="sm" title={compact ? c.verb : undefined}>
          <c.Icon aria-hidden="true" />
          {compact ? <span className="sr-only">{c.verb}</span> : c.verb}
          <span className="sr-only"> {title}</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>{c.verb} this service?</DialogTitle>
          <DialogDescription>
            {title}: {c.body}
          </DialogDescription>
        </DialogHeader>
        <div ref={errorRef} tabIndex={-1} className="outline-none">
          <FormError message={error ?? undefined} />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant={c.variant} loading={pending} onClick={confirm}>
            {c.verb}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
