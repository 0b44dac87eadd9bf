import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpans, generateSlots, type CrewMember, type GenerateSlotsOptions, type WeeklyHours } from './slots';
import { addDays, boundaryInstant, isoWeekday, isValidTimeZone, localDate, localTime, parseTimeOfDay, zonedTimeToInstant } from '@/lib/core/zoned-time';

const allWeek = (startsAt: string, endsAt: string): WeeklyHours[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt, endsAt }));

let seq = 0;
function member(p: Partial<CrewMember> & { timeZone: string }): CrewMember {
  return { servicemanId: `m${String(seq++).padStart(3, '0')}`, canLead: true, hours: allWeek('00:00', '24:00'), exceptions: [], busy: [], ...p };
}

function opts(p: Partial<GenerateSlotsOptions> & Pick<GenerateSlotsOptions, 'date' | 'displayTimeZone' | 'crew'>): GenerateSlotsOptions {
  return { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, stepMinutes: 30, crewSize: 1, minStart: new Date('2000-01-01T00:00:00Z'), ...p };
}

const labels = (slots: { startsAt: string }[], tz: string) => slots.map((s) => localTime(new Date(s.startsAt), tz));

describe('zoned time helpers', () => {
  it('converts per calendar date, never with today’s offset', () => {
    expect(zonedTimeToInstant('2026-01-15', '09:00', 'Europe/London')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedTimeToInstant('2026-07-15', '09:00', 'Europe/London')?.toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zonedTimeToInstant('2026-07-15', '09:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-07-15T03:30:00.000Z');
    expect(zonedTimeToInstant('2026-01-15', '09:00', 'America/St_Johns')?.toISOString()).toBe('2026-01-15T12:30:00.000Z');
    expect(zonedTimeToInstant('2026-01-15', '24:00', 'Europe/London')?.toISOString()).toBe('2026-01-16T00:00:00.000Z');
  });

  it.each([
    ['Europe/London', '2026-03-29', '01:30'],
    ['America/New_York', '2026-03-08', '02:30'],
    ['Australia/Sydney', '2026-10-04', '02:30'],
    ['America/St_Johns', '2026-03-08', '02:30'],
  ])('a non-existent local time in %s has no instant', (tz, date, time) => {
    expect(zonedTimeToInstant(date, time, tz)).toBeNull();
  });

  it.each([
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z'],
    ['America/St_Johns', '2026-11-01', '01:30', '2026-11-01T04:00:00.000Z'],
  ])('an ambiguous local time in %s takes the earlier instant', (tz, date, time, iso) => {
    expect(zonedTimeToInstant(date, time, tz)?.toISOString()).toBe(iso);
  });

  it('a working-hours boundary inside a gap moves to the moment the clocks change', () => {
    expect(boundaryInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(boundaryInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('helpers: weekday, date arithmetic, time parsing, zone ids', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(parseTimeOfDay('08:30:00')).toBe(510);
    expect(() => parseTimeOfDay('24:30')).toThrow();
    expect(() => parseTimeOfDay('8:30')).toThrow();
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
  });
});

describe('generateSlots across DST changes', () => {
  const cases = [
    { tz: 'Europe/London', spring: '2026-03-29', gap: '01:00', fall: '2026-10-25', twice: '01:00' },
    { tz: 'America/New_York', spring: '2026-03-08', gap: '02:00', fall: '2026-11-01', twice: '01:00' },
    { tz: 'Australia/Sydney', spring: '2026-10-04', gap: '02:00', fall: '2026-04-05', twice: '02:00' },
    { tz: 'America/St_Johns', spring: '2026-03-08', gap: '02:00', fall: '2026-11-01', twice: '01:00' },
  ];

  it.each(cases)('$tz: no slot at a non-existent local time; others keep their wall clock', ({ tz, spring, gap }) => {
    const crew = [member({ timeZone: tz })];
    const slots = generateSlots(opts({ date: spring, displayTimeZone: tz, crew, durationMinutes: 30 }));
    const l = labels(slots, tz);
    const gapHour = gap.slice(0, 2);
    expect(l.some((x) => x.startsWith(gapHour))).toBe(false);
    // 48 half-hours minus the two that do not exist.
    expect(slots).toHaveLength(46);
    expect(l).toContain('09:00');
    expect(l).toContain('23:30');
    for (const s of slots) expect(localDate(new Date(s.startsAt), tz)).toBe(spring);
  });

  it.each(cases)('$tz: an ambiguous local time yields one slot at the earlier instant', ({ tz, fall, twice }) => {
    const crew = [member({ timeZone: tz })];
    const slots = generateSlots(opts({ date: fall, displayTimeZone: tz, crew, durationMinutes: 30 }));
    // Each wall-clock label once, the repeated hour included.
    expect(slots).toHaveLength(48);
    const l = labels(slots, tz);
    expect(new Set(l).size).toBe(48);
    const at = slots[l.indexOf(twice)];
    expect(at.startsAt).toBe(zonedTimeToInstant(fall, twice, tz)!.toISOString());
    // Earlier of the two: an hour later the wall clock shows the same label again.
    expect(localTime(new Date(new Date(at.startsAt).getTime() + 3_600_000), tz)).toBe(twice);
  });

  it.each(cases)('$tz: 09:00–17:00 hours give the same wall-clock slots before, on and after the change', ({ tz, spring, fall }) => {
    const crew = [member({ timeZone: tz, hours: allWeek('09:00', '17:00') })];
    for (const base of [spring, fall]) {
      for (const date of [addDays(base, -1), base, addDays(base, 1)]) {
        const l = labels(generateSlots(opts({ date, displayTimeZone: tz, crew })), tz);
        expect(l[0]).toBe('09:00');
        expect(l[l.length - 1]).toBe('16:00');
        expect(l).toHaveLength(15);
      }
    }
  });

  it('Asia/Kolkata (+05:30, no DST) keeps its half-hour offset', () => {
    const crew = [member({ timeZone: 'Asia/Kolkata', hours: allWeek('09:00', '17:00') })];
    const slots = generateSlots(opts({ date: '2026-03-29', displayTimeZone: 'Asia/Kolkata', crew }));
    expect(slots[0].startsAt).toBe('2026-03-29T03:30:00.000Z');
    expect(slots).toHaveLength(15);
  });

  it('a night shift across the spring-forward gap keeps its real length', () => {
    // 22:00 Saturday → 06:00 Sunday in London, clocks go forward at 01:00 on Sunday.
    const m = member({ timeZone: 'Europe/London', hours: [{ weekday: 6, startsAt: '22:00', endsAt: '24:00' }, { weekday: 7, startsAt: '00:00', endsAt: '06:00' }] });
    const spans = freeSpans(m, Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-29T12:00:00Z'));
    expect(spans.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()])).toEqual([['2026-03-28T22:00:00.000Z', '2026-03-29T05:00:00.000Z']]);
  });
});

describe('generateSlots rules', () => {
  it('a serviceman in another zone than the job: his hours are his wall clock', () => {
    // Job in London, serviceman works 09:00–17:00 New York time (14:00–22:00 London in January).
    const crew = [member({ timeZone: 'America/New_York', hours: allWeek('09:00', '17:00') })];
    const l = labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: 'Europe/London', crew })), 'Europe/London');
    expect(l[0]).toBe('14:00');
    expect(l[l.length - 1]).toBe('21:00');
    // In the weeks when only the US has changed its clocks, the overlap moves by an hour.
    const march = labels(generateSlots(opts({ date: '2026-03-10', displayTimeZone: 'Europe/London', crew })), 'Europe/London');
    expect(march[0]).toBe('13:00');
  });

  it('buffers must fit inside working hours and keep clear of busy windows', () => {
    const crew = [member({ timeZone: 'Europe/London', hours: allWeek('09:00', '17:00') })];
    const l = labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: 'Europe/London', crew, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 })), 'Europe/London');
    expect(l[0]).toBe('09:30');
    expect(l[l.length - 1]).toBe('15:30');
    const busy = [member({ ...crew[0], busy: [{ start: new Date('2026-01-15T12:00:00Z'), end: new Date('2026-01-15T13:00:00Z') }] })];
    const lb = labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: 'Europe/London', crew: busy, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 })), 'Europe/London');
    // 10:30 ends 11:30 + 30 min buffer = 12:00 (touching is fine); 11:00 would overlap.
    expect(lb).toContain('10:30');
    expect(lb).not.toContain('11:00');
    expect(lb).not.toContain('12:30');
    expect(lb).toContain('13:30');
  });

  it('a crew of 3 needs 3 free people including one who can lead; the lead comes first', () => {
    const tz = 'Europe/London';
    const hours = allWeek('09:00', '12:00');
    const a = member({ timeZone: tz, hours, canLead: false });
    const b = member({ timeZone: tz, hours, canLead: true });
    const c = member({ timeZone: tz, hours, canLead: false });
    const d = member({ timeZone: tz, hours, canLead: false, busy: [{ start: new Date('2026-01-15T09:00:00Z'), end: new Date('2026-01-15T10:00:00Z') }] });
    const slots = generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [d, c, b, a], crewSize: 3 }));
    expect(slots[0].servicemanIds).toEqual([b.servicemanId, a.servicemanId, c.servicemanId]);
    const busyLead = { ...b, busy: [{ start: new Date('2026-01-15T09:00:00Z'), end: new Date('2026-01-15T10:30:00Z') }] };
    const l = labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [a, busyLead, c, d], crewSize: 3 })), tz);
    expect(l[0]).toBe('10:30');
    expect(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [a, c, d], crewSize: 3 }))).toEqual([]);
  });

  it('time off, exceptions and minimum notice', () => {
    const tz = 'Europe/London';
    const base = member({ timeZone: tz, hours: allWeek('09:00', '17:00') });
    const off = { ...base, timeOff: [{ start: new Date('2026-01-15T00:00:00Z'), end: new Date('2026-01-15T13:00:00Z') }] };
    expect(labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [off] })), tz)[0]).toBe('13:00');
    const dayOff = { ...base, exceptions: [{ date: '2026-01-15', kind: 'unavailable' as const, startsAt: null, endsAt: null }] };
    expect(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [dayOff] }))).toEqual([]);
    const extra = { ...base, exceptions: [{ date: '2026-01-15', kind: 'extra_hours' as const, startsAt: '18:00', endsAt: '20:00' }] };
    expect(labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [extra] })), tz)).toContain('19:00');
    const partial = { ...base, exceptions: [{ date: '2026-01-15', kind: 'unavailable' as const, startsAt: '09:00', endsAt: '12:00' }] };
    expect(labels(generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [partial] })), tz)[0]).toBe('12:00');
    const notice = generateSlots(opts({ date: '2026-01-15', displayTimeZone: tz, crew: [base], minStart: new Date('2026-01-15T10:10:00Z') }));
    expect(labels(notice, tz)[0]).toBe('10:30');
  });

  it('never a zero or negative duration', () => {
    const crew = [member({ timeZone: 'Europe/London' })];
    expect(() => generateSlots(opts({ date: '2026-01-15', displayTimeZone: 'Europe/London', crew, durationMinutes: 0 }))).toThrow();
  });
});

describe('property: every slot fits every crew member’s hours and avoids busy time', () => {
  const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns'];
  const dates = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-06-15'];
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const arbMember = fc.record({
    tz: fc.constantFrom(...zones),
    start: fc.integer({ min: 0, max: 46 }).map((h) => h * 30),
    len: fc.integer({ min: 1, max: 40 }).map((h) => h * 30),
    lead: fc.boolean(),
    busyAt: fc.integer({ min: 0, max: 47 }),
    busyLen: fc.integer({ min: 1, max: 8 }),
  });

  it('holds for random crews, zones and DST dates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dates),
        fc.constantFrom(...zones),
        fc.array(arbMember, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }).map((x) => x * 15),
        fc.integer({ min: 0, max: 2 }).map((x) => x * 15),
        (date, displayTimeZone, specs, crewSize, durationMinutes, buffer) => {
          const crew: CrewMember[] = specs.map((s, i) => {
            const end = Math.min(1440, s.start + s.len);
            const busyStart = Date.parse(`${date}T00:00:00Z`) + s.busyAt * 1_800_000;
            return {
              servicemanId: `s${i}`,
              timeZone: s.tz,
              canLead: s.lead,
              hours: allWeek(hhmm(s.start), hhmm(end)),
              exceptions: [],
              busy: [{ start: new Date(busyStart), end: new Date(busyStart + s.busyLen * 1_800_000) }],
            };
          });
          const slots = generateSlots(opts({ date, displayTimeZone, crew, crewSize, durationMinutes, bufferBeforeMinutes: buffer, bufferAfterMinutes: buffer }));
          for (const slot of slots) {
            expect(slot.servicemanIds).toHaveLength(crewSize);
            const a = Date.parse(slot.startsAt) - buffer * 60_000;
            const b = Date.parse(slot.endsAt) + buffer * 60_000;
            expect(localDate(Date.parse(slot.startsAt), displayTimeZone)).toBe(date);
            expect(crew.find((m) => m.servicemanId === slot.servicemanIds[0])!.canLead).toBe(true);
            for (const id of slot.servicemanIds) {
              const m = crew.find((x) => x.servicemanId === id)!;
              // Inside a working interval of his own zone, for every minute of the window.
              for (let t = a; t < b; t += 15 * 60_000) {
                const d = localDate(t, m.timeZone);
                const minute = parseTimeOfDay(localTime(t, m.timeZone));
                const h = m.hours.find((x) => x.weekday === isoWeekday(d))!;
                expect(minute >= parseTimeOfDay(h.startsAt) && minute < parseTimeOfDay(h.endsAt)).toBe(true);
              }
              for (const busy of m.busy) expect(b <= busy.start.getTime() || a >= busy.end.getTime()).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('time zone ids', () => {
  it.each(['Europe/London', 'Asia/Kolkata', 'America/St_Johns', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+1'])('accepts %s', (z) => {
    expect(isValidTimeZone(z)).toBe(true);
  });
  it.each(['utc', 'EST', '+01:00', 'Mars/Olympus', '', 'Europe/London; drop'])('refuses %s', (z) => {
    expect(isValidTimeZone(z)).toBe(false);
  });
});

describe('a shift inside the repeated hour of a fall-back night', () => {
  it("01:30–02:00 in St John's on 1 Nov 2026 is its two real half-hours, never the hour between", () => {
    // Clocks go back 02:00 NDT → 01:00 NST (UTC−2:30 → UTC−3:30): 01:30–02:00 happens twice.
    const crew: CrewMember[] = [
      { servicemanId: 'a', timeZone: 'America/St_Johns', canLead: true, hours: allWeek('01:30', '02:00'), exceptions: [], busy: [] },
    ];
    const slots = generateSlots(opts({ date: '2026-11-01', displayTimeZone: 'Europe/London', crew, crewSize: 1, durationMinutes: 15 }));
    const starts = slots.map((s) => s.startsAt);
    // On the half-hour grid: 04:00Z (the first 01:30, NDT) and 05:00Z (the second 01:30, NST) — never 04:30Z (01:00 NST).
    expect(starts).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-01T05:00:00.000Z']);
  });
});
