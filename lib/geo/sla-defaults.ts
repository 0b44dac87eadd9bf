/**
 * Platform SLA defaults for zones (minutes). A zone stores only its overrides (null = default), so
 * changing a default here changes every zone that has not chosen its own value.
 * - acceptance: DOMAIN.md — on-demand 90 min, scheduled 240 min from creation;
 * - arrival (on-demand): 60 min after the crew accepted — our choice, in line with same-hour
 *   trades marketplaces;
 * - completion: 240 min after the job started (checked in) — our choice, long enough for a
 *   typical half-day job; longer services set their own zone value.
 * Client-safe: the zone form shows these as placeholders.
 */
import type { ZoneSla } from './types';

export const slaKeys = ['acceptanceOnDemandMinutes', 'acceptanceScheduledMinutes', 'arrivalMinutes', 'completionMinutes'] as const;
export type SlaKey = (typeof slaKeys)[number];

export const platformSlaDefaults: Readonly<Record<SlaKey, number>> = Object.freeze({
  acceptanceOnDemandMinutes: 90,
  acceptanceScheduledMinutes: 240,
  arrivalMinutes: 60,
  completionMinutes: 240,
});

/** Largest SLA target accepted (one week), so a typo cannot park a timer for years. */
export const SLA_MAX_MINUTES = 7 * 24 * 60;

export type SlaOverrides = Partial<Record<SlaKey, number | null>>;

/** Effective values + which ones are the zone's own. */
export function buildZoneSla(overrides: SlaOverrides): ZoneSla {
  const overridden = slaKeys.filter((k) => overrides[k] !== null && overrides[k] !== undefined);
  return {
    acceptanceOnDemandMinutes: overrides.acceptanceOnDemandMinutes ?? platformSlaDefaults.acceptanceOnDemandMinutes,
    acceptanceScheduledMinutes: overrides.acceptanceScheduledMinutes ?? platformSlaDefaults.acceptanceScheduledMinutes,
    arrivalMinutes: overrides.arrivalMinutes ?? platformSlaDefaults.arrivalMinutes,
    completionMinutes: overrides.completionMinutes ?? platformSlaDefaults.completionMinutes,
    overridden,
  };
}
