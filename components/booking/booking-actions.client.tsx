'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError, FormField } from '@/components/ui/form-field';
import { Spinner } from '@/components/ui/states';
import { Textarea } from '@/components/ui/textarea';
import { cancelBookingAction, rescheduleBookingAction } from '@/lib/bookings/actions';
import { SlotPicker } from './booking-wizard.client';
import { formatInZone, formatMinor } from './format';

type Preview = { feeMinor: number; currency: string; free: boolean; reason: string; totalMinor: number };

/** Cancel (fee preview first, then cancel with the fee seen) and reschedule (a new slot from availability). */
export function BookingActions({
  bookingId,
  serviceId,
  timeZone,
  canCancel,
  canReschedule,
  currentStart,
}: {
  bookingId: string;
  serviceId: string;
  timeZone: string;
  canCancel: boolean;
  canReschedule: boolean;
  currentStart: string | null;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {canReschedule ? <RescheduleDialog bookingId={bookingId} serviceId={serviceId} timeZone={timeZone} currentStart={currentStart} /> : null}
      {canCancel ? <CancelDialog bookingId={bookingId} /> : null}
    </div>
  );
}

function CancelDialog({ bookingId }: { bookingId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<{ state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; value: Preview }>({ state: 'loading' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; reason?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const key = useRef<string>('');

  const load = async () => {
    setPreview({ state: 'loading' });
    try {
      const res = await fetch(`/api/v1/bookings/${bookingId}/cancellation-preview`, { cache: 'no-store' });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.detail ?? 'The fee could not be worked out.');
      setPreview({ state: 'ok', value: body as Preview });
    } catch (err) {
      setPreview({ state: 'error', message: (err as Error).message || 'The fee could not be worked out.' });
    }
  };

  const confirm = () => {
    if (preview.state !== 'ok') return;
    setError(null);
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await cancelBookingAction({ bookingId, expectedFeeMinor: preview.value.feeMinor, reason: reason.trim() || undefined, idempotencyKey: key.current });
        if (result.ok) {
          toast.success(result.data.feeMinor > 0 ? `Booking cancelled. Fee charged: ${formatMinor(result.data.feeMinor, result.data.currency)}` : 'Booking cancelled at no charge.');
          setOpen(false);
          router.refresh();
          return;
        }
        key.current = crypto.randomUUID();
        setError({ message: result.error.message, reason: result.error.fieldErrors?.reason });
        // The fee may have changed since the preview (409): show the new one.
        if (result.error.code === 'CONFLICT') void load();
      } catch {
        setError({ message: 'Could not reach Fixnado. Nothing changed; try again.' });
      }
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          key.current = crypto.randomUUID();
          setError(null);
          void load();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger">Cancel booking</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this booking?</DialogTitle>
          <DialogDescription>The provider is told at once. The fee below is what you pay.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4" aria-live="polite">
          {preview.state === 'loading' ? <Spinner label="Working out the cancellation fee" /> : null}
          {preview.state === 'error' ? <FormError message={preview.message} /> : null}
          {preview.state === 'ok' ? (
            <div className="grid gap-1 rounded-md border p-3 text-sm" data-testid="cancellation-fee">
              <p className="text-base font-semibold">
                {preview.value.feeMinor > 0 ? `Cancellation fee: ${formatMinor(preview.value.feeMinor, preview.value.currency)}` : 'Free cancellation'}
              </p>
              <p className="text-muted">{preview.value.reason}</p>
              {preview.value.feeMinor > 0 ? (
                <p className="text-muted">The rest of the {formatMinor(preview.value.totalMinor, preview.value.currency)} authorised is released.</p>
              ) : null}
            </div>
          ) : null}
          <FormField label="Reason (optional)" name="reason" error={error?.reason}>
            <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </FormField>
          {error ? <FormError message={error.message} /> : null}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Keep booking</Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} loading={pending} disabled={preview.state !== 'ok'}>
            {preview.state === 'ok' && preview.value.feeMinor > 0 ? `Cancel and pay ${formatMinor(preview.value.feeMinor, preview.value.currency)}` : 'Cancel booking'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function RescheduleDialog({ bookingId, serviceId, timeZone, currentStart }: { bookingId: string; serviceId: string; timeZone: string; currentStart: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const key = useRef<string>('');

  const confirm = () => {
    if (!at) {
      setError('Choose a new time first.');
      return;
    }
    setError(null);
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await rescheduleBookingAction({ bookingId, startsAt: at, idempotencyKey: key.current });
        if (result.ok) {
          toast.success(`Moved to ${formatInZone(result.data.startsAt, timeZone)}`);
          setOpen(false);
          router.refresh();
          return;
        }
        key.current = crypto.randomUUID();
        setError(result.error.fieldErrors?.startsAt?.join(', ') ?? result.error.message);
      } catch {
        setError('Could not reach Fixnado. Nothing changed; try again.');
      }
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          key.current = crypto.randomUUID();
          setAt(null);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Reschedule</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Choose a new time</DialogTitle>
          <DialogDescription>
            {currentStart ? `Now: ${formatInZone(currentStart, timeZone)}. ` : ''}Rescheduling is free until 6 hours before the start.
          </DialogDescription>
        </DialogHeader>
        <SlotPicker serviceId={serviceId} timeZone={timeZone} zoneName="" value={at} onChange={setAt} />
        <div aria-live="polite">{error ? <FormError message={error} /> : null}</div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Keep the time</Button>
          </DialogClose>
          <Button onClick={confirm} loading={pending} disabled={!at}>
            Move booking
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
