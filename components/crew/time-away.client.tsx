'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Trash2 } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { addExceptionAction, addTimeOffAction, removeExceptionAction, removeTimeOffAction } from '@/lib/crew/actions';

export interface ExceptionView {
  id: string;
  date: string;
  kind: 'unavailable' | 'extra_hours';
  startsAt: string | null;
  endsAt: string | null;
  reason: string;
}

/** Time off with its range already formatted on the server in the crew member's zone. */
export interface TimeOffView {
  id: string;
  label: string;
  reason: string;
}

function RemoveButton({ label, run }: { label: string; run: () => Promise<{ ok: boolean; error?: { message: string } }> }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      loading={pending}
      onClick={() =>
        start(async () => {
          const { toast } = await import('@/components/ui/toast');
          try {
            const r = await run();
            if (r.ok) {
              toast.success('Removed');
              router.refresh();
            } else toast.error(r.error?.message ?? 'Could not remove it.');
          } catch {
            toast.error('Could not remove it. Check your connection and try again.');
          }
        })
      }
    >
      <Trash2 aria-hidden="true" />
      <span className="sr-only">Remove {label}</span>
    </Button>
  );
}

const exceptionText = (e: ExceptionView) =>
  e.kind === 'extra_hours' ? `Extra hours ${e.startsAt}–${e.endsAt}` : e.startsAt ? `Unavailable ${e.startsAt}–${e.endsAt}` : 'Unavailable all day';

/** Date exceptions (whole day off, hours off, extra hours) in the crew member's zone. */
export function ExceptionsPanel({ servicemanId, timeZone, exceptions }: { servicemanId: string; timeZone: string; exceptions: ExceptionView[] }) {
  const router = useRouter();
  const f = useActionForm(addExceptionAction, { successMessage: 'Exception added', onSuccess: () => router.refresh() });
  return (
    <div className="grid gap-4">
      {exceptions.length ? (
        <ul className="grid gap-2">
          {exceptions.map((e) => (
            <li key={e.id} className="flex items-center justify-between gap-2 rounded-lg border px-3 py-2 text-sm">
              <span>
                <strong>{e.date}</strong> · {exceptionText(e)}
                {e.reason ? <span className="text-muted"> · {e.reason}</span> : null}
              </span>
              <RemoveButton label={`${e.date} ${exceptionText(e)}`} run={() => removeExceptionAction({ exceptionId: e.id })} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No upcoming exceptions.</p>
      )}
      <form action={f.formAction} className="grid gap-3 rounded-lg border p-3" noValidate key={JSON.stringify(f.values)}>
        <h3 className="text-sm font-semibold">Add an exception</h3>
        <FormAlert message={f.error?.message} errorRef={f.errorRef} />
        <input type="hidden" name="servicemanId" value={servicemanId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Date" name="date" required error={f.fieldError('date')} description={`A date in ${timeZone}.`}>
            <Input type="date" defaultValue={f.values.date ?? ''} />
          </FormField>
          <FormField label="Kind" name="kind" required error={f.fieldError('kind')}>
            <Select defaultValue={f.values.kind ?? 'unavailable'}>
              <option value="unavailable">Unavailable</option>
              <option value="extra_hours">Extra hours</option>
            </Select>
          </FormField>
          <FormField label="From (optional for unavailable)" name="startsAt" error={f.fieldError('startsAt')}>
            <Input inputMode="numeric" placeholder="HH:MM" defaultValue={f.values.startsAt ?? ''} />
          </FormField>
          <FormField label="Until" name="endsAt" error={f.fieldError('endsAt')}>
            <Input inputMode="numeric" placeholder="HH:MM" defaultValue={f.values.endsAt ?? ''} />
          </FormField>
        </div>
        <FormField label="Note (optional)" name="reason" error={f.fieldError('reason')}>
          <Input maxLength={200} defaultValue={f.values.reason ?? ''} />
        </FormField>
        <div>
          <Button type="submit" variant="secondary" loading={f.pending}>
            Add exception
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Time off as a range; local date-times are read in the crew member's zone. */
export function TimeOffPanel({ servicemanId, timeZone, timeOff }: { servicemanId: string; timeZone: string; timeOff: TimeOffView[] }) {
  const router = useRouter();
  const f = useActionForm(addTimeOffAction, { successMessage: 'Time off added', onSuccess: () => router.refresh() });
  return (
    <div className="grid gap-4">
      {timeOff.length ? (
        <ul className="grid gap-2">
          {timeOff.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-2 rounded-lg border px-3 py-2 text-sm">
              <span>
                {t.label}
                {t.reason ? <span className="text-muted"> · {t.reason}</span> : null}
              </span>
              <RemoveButton label={`time off ${t.label}`} run={() => removeTimeOffAction({ timeOffId: t.id })} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No upcoming time off.</p>
      )}
      <form action={f.formAction} className="grid gap-3 rounded-lg border p-3" noValidate key={JSON.stringify(f.values)}>
        <h3 className="text-sm font-semibold">Add time off</h3>
        <FormAlert message={f.error?.message} errorRef={f.errorRef} />
        <input type="hidden" name="servicemanId" value={servicemanId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="From" name="startsAt" required error={f.fieldError('startsAt')} description={`Local time in ${timeZone}.`}>
            <Input type="datetime-local" defaultValue={f.values.startsAt ?? ''} />
          </FormField>
          <FormField label="Until" name="endsAt" required error={f.fieldError('endsAt')}>
            <Input type="datetime-local" defaultValue={f.values.endsAt ?? ''} />
          </FormField>
        </div>
        <FormField label="Note (optional)" name="reason" error={f.fieldError('reason')}>
          <Input maxLength={200} defaultValue={f.values.reason ?? ''} />
        </FormField>
        <div>
          <Button type="submit" variant="secondary" loading={f.pending}>
            Add time off
          </Button>
        </div>
      </form>
    </div>
  );
}
