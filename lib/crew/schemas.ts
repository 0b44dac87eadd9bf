/**
 * Zod inputs of the crew verbs (client-safe). Working hours are local wall-clock 'HH:MM' in the
 * serviceman's own zone ('24:00' allowed as an end); exceptions name a calendar date in that
 * zone; time off is a range of instants (ISO with offset, or a local 'YYYY-MM-DDTHH:MM' that the
 * verb converts in the serviceman's zone).
 */
import { z } from 'zod';
import { boolField } from '@/lib/catalog/schemas';
import { isValidDate, isValidTimeZone, parseTimeOfDay } from '@/lib/core/zoned-time';

const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const safe = (v: string) => !unsafeText.test(v);

export const servicemanStatuses = ['invited', 'active', 'inactive'] as const;
export const exceptionKinds = ['unavailable', 'extra_hours'] as const;

const id = (what: string) => z.uuid(`is not a known ${what}`);

export const displayName = z.string({ error: 'is required' }).trim().min(1, 'is required').max(120, 'must be at most 120 characters').refine(safe, 'must not contain control or text-direction characters');

/** Category slugs; a form may send them comma-separated or as repeated fields. */
export const skillsField = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z
    .array(z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be category slugs such as plumbing'), { error: 'must be a list of category slugs' })
    .max(50, 'must list at most 50 categories')
    .transform((list) => [...new Set(list)].sort()),
);

export const timeZoneField = z.string({ error: 'is required' }).trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London');

const emailField = z.preprocess((v) => (v === '' ? undefined : v), z.email('must be an email address').trim().toLowerCase().max(254).optional());

export const createServicemanInput = z.object({
  displayName,
  skills: skillsField.default([]),
  timeZone: timeZoneField.default('Europe/London'),
  canLead: boolField.default(true),
  /** Links an existing account (it gets the serviceman role in this provider). */
  email: emailField,
});
export type CreateServicemanInput = z.output<typeof createServicemanInput>;

export const updateServicemanInput = z.object({
  servicemanId: id('crew member'),
  displayName: displayName.optional(),
  skills: skillsField.optional(),
  timeZone: timeZoneField.optional(),
  canLead: boolField.optional(),
});

export const setServicemanStatusInput = z.object({
  servicemanId: id('crew member'),
  status: z.enum(servicemanStatuses, { error: 'must be invited, active or inactive' }),
});

/** 'HH:MM' from 00:00; '24:00' only where `allowEnd`. */
const clock = (allowEnd: boolean) =>
  z
    .string({ error: 'is required' })
    .trim()
    .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time such as 08:30')
    .refine((v) => {
      try {
        const m = parseTimeOfDay(v);
        return allowEnd ? m <= 1440 : m < 1440;
      } catch {
        return false;
      }
    }, allowEnd ? 'must be between 00:00 and 24:00' : 'must be between 00:00 and 23:59');

export const weekdayField = z.preprocess(
  (v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : v),
  z.number({ error: 'must be a weekday 1 (Monday) to 7 (Sunday)' }).int('must be a weekday 1 (Monday) to 7 (Sunday)').min(1, 'must be a weekday 1 (Monday) to 7 (Sunday)').max(7, 'must be a weekday 1 (Monday) to 7 (Sunday)'),
);

export const hoursRow = z.object({ weekday: weekdayField, startsAt: clock(false), endsAt: clock(true) });

export const setWeeklyHoursInput = z
  .object({ servicemanId: id('crew member'), hours: z.array(hoursRow, { error: 'must be a list of working hours' }).max(70, 'must list at most 70 periods') })
  .superRefine((v, ctx) => {
    v.hours.forEach((h, i) => {
      if (parseTimeOfDay(h.endsAt) <= parseTimeOfDay(h.startsAt)) ctx.addIssue({ code: 'custom', path: ['hours', i, 'endsAt'], message: 'must be after the start time' });
    });
    for (let day = 1; day <= 7; day++) {
      const rows = v.hours
        .map((h, i) => ({ i, s: parseTimeOfDay(h.startsAt), e: parseTimeOfDay(h.endsAt), day: h.weekday }))
        .filter((r) => r.day === day && r.e > r.s)
        .sort((a, b) => a.s - b.s);
      for (let k = 1; k < rows.length; k++) {
        if (rows[k].s < rows[k - 1].e) ctx.addIssue({ code: 'custom', path: ['hours', rows[k].i, 'startsAt'], message: 'overlaps another period on the same day' });
      }
    }
  });
export type SetWeeklyHoursInput = z.output<typeof setWeeklyHoursInput>;

const dateField = z.string({ error: 'is required' }).trim().refine(isValidDate, 'must be a date such as 2026-05-01');
const optionalClock = (allowEnd: boolean) => z.preprocess((v) => (v === '' || v === null ? undefined : v), clock(allowEnd).optional());
const reasonField = z.string().trim().max(200, 'must be at most 200 characters').refine(safe, 'must not contain control characters').default('');

export const addExceptionInput = z
  .object({
    servicemanId: id('crew member'),
    date: dateField,
    kind: z.enum(exceptionKinds, { error: 'must be unavailable or extra_hours' }),
    startsAt: optionalClock(false),
    endsAt: optionalClock(true),
    reason: reasonField,
  })
  .superRefine((v, ctx) => {
    const hasStart = v.startsAt !== undefined;
    const hasEnd = v.endsAt !== undefined;
    if (v.kind === 'extra_hours' || hasStart || hasEnd) {
      if (!hasStart) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: v.kind === 'extra_hours' ? 'is required for extra hours' : 'is required when an end time is given' });
      if (!hasEnd) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: v.kind === 'extra_hours' ? 'is required for extra hours' : 'is required when a start time is given' });
      if (hasStart && hasEnd && parseTimeOfDay(v.endsAt!) <= parseTimeOfDay(v.startsAt!)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start time' });
    }
  });
export type AddExceptionInput = z.output<typeof addExceptionInput>;

export const removeExceptionInput = z.object({ exceptionId: id('exception') });

/** ISO instant with an offset, or a local date-time read in the serviceman's zone. */
const instantOrLocal = z
  .string({ error: 'is required' })
  .trim()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) || (z.iso.datetime({ offset: true }).safeParse(v).success && !Number.isNaN(Date.parse(v))),
    'must be a date and time such as 2026-05-01T09:00',
  );

export const addTimeOffInput = z.object({ servicemanId: id('crew member'), startsAt: instantOrLocal, endsAt: instantOrLocal, reason: reasonField });
export type AddTimeOffInput = z.output<typeof addTimeOffInput>;

export const removeTimeOffInput = z.object({ timeOffId: id('time off') });
