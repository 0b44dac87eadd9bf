'use client';

import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { setWeeklyHoursAction } from '@/lib/crew/actions';

export interface HoursRowValue {
  weekday: number;
  startsAt: string;
  endsAt: string;
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME = '([01][0-9]|2[0-4]):[0-5][0-9]';

interface Row extends HoursRowValue {
  key: number;
}

/**
 * Weekly hours, local wall clock in the crew member's zone, saved all at once (the server
 * replaces every row in one transaction). Several periods per day are allowed; '24:00' ends a
 * day at midnight. Field errors come back as hours.<index>.<field> and are shown on that input.
 */
export function WeeklyHoursEditor({ servicemanId, timeZone, initial }: { servicemanId: string; timeZone: string; initial: HoursRowValue[] }) {
  const next = useRef(initial.length);
  const [rows, setRows] = useState<Row[]>(initial.map((h, i) => ({ ...h, key: i })));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errorRef = useRef<HTMLDivElement>(null);
  const router = useRouter();

  const update = (key: number, patch: Partial<HoursRowValue>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (weekday: number) => setRows((rs) => [...rs, { key: next.current++, weekday, startsAt: '09:00', endsAt: '17:00' }]);
  const remove = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));
  const copyMonday = () =>
    setRows((rs) => {
      const monday = rs.filter((r) => r.weekday === 1);
      const rest = rs.filter((r) => r.weekday === 1 || r.weekday > 5);
      const copies = [2, 3, 4, 5].flatMap((d) => monday.map((m) => ({ ...m, weekday: d, key: next.current++ })));
      return [...rest, ...copies];
    });

  function save() {
    setErrors({});
    setMessage(null);
    const payload = rows.map(({ weekday, startsAt, endsAt }) => ({ weekday, startsAt, endsAt }));
    start(async () => {
      try {
        const r = await setWeeklyHoursAction({ servicemanId, hours: payload });
        if (r.ok) {
          const { toast } = await import('@/components/ui/toast');
          toast.success('Working hours saved');
          router.refresh();
          return;
        }
        setErrors(r.error.fieldErrors ?? {});
        setMessage(r.error.message);
      } catch {
        setMessage('The hours could not be saved. Check your connection and try again.');
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  }

  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted">
        Local times in <strong>{timeZone}</strong>. Use 24:00 to work until midnight.
      </p>
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        <FormError message={message ?? undefined} />
      </div>
      <div className="grid gap-3">
        {weekdays.map((label, i) => {
          const day = i + 1;
          const dayRows = rows.map((r, index) => ({ r, index })).filter(({ r }) => r.weekday === day);
          return (
            <fieldset key={day} className="grid gap-2 rounded-lg border p-3">
              <legend className="px-1 text-sm font-semibold">{label}</legend>
              {dayRows.length === 0 ? <p className="text-sm text-muted">Not working</p> : null}
              {dayRows.map(({ r, index }) => {
                const startErr = errors[`hours.${index}.startsAt`];
                const endErr = errors[`hours.${index}.endsAt`];
                return (
                  <div key={r.key} className="flex flex-wrap items-end gap-2">
                    <label className="grid gap-1 text-sm">
                      <span>From</span>
                      <Input
                        className="w-24"
                        value={r.startsAt}
                        onChange={(e) => update(r.key, { startsAt: e.target.value })}
                        pattern={TIME}
                        inputMode="numeric"
                        placeholder="09:00"
                        aria-invalid={startErr ? true : undefined}
                        aria-label={`${label} start`}
                      />
                    </label>
                    <label className="grid gap-1 text-sm">
                      <span>Until</span>
                      <Input
                        className="w-24"
                        value={r.endsAt}
                        onChange={(e) => update(r.key, { endsAt: e.target.value })}
                        pattern={TIME}
                        inputMode="numeric"
                        placeholder="17:00"
                        aria-invalid={endErr ? true : undefined}
                        aria-label={`${label} end`}
                      />
                    </label>
                    <Button type="button" variant="ghost" size="icon" onClick={() => remove(r.key)}>
                      <Trash2 aria-hidden="true" />
                      <span className="sr-only">
                        Remove {label} {r.startsAt}–{r.endsAt}
                      </span>
                    </Button>
                    {startErr || endErr ? (
                      <p className="basis-full text-sm text-danger">{[...(startErr ?? []).map((m) => `Start ${m}`), ...(endErr ?? []).map((m) => `End ${m}`)].join('. ')}</p>
                    ) : null}
                  </div>
                );
              })}
              <div>
                <Button type="button" variant="secondary" size="sm" onClick={() => add(day)}>
                  <Plus aria-hidden="true" />
                  Add period<span className="sr-only"> on {label}</span>
                </Button>
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" loading={pending} onClick={save}>
          Save working hours
        </Button>
        <Button type="button" variant="secondary" onClick={copyMonday}>
          Copy Monday to Tuesday–Friday
        </Button>
      </div>
    </div>
  );
}
