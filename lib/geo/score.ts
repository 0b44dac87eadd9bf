/**
 * The ranking score for matching and the explorer — pure, so it is unit-tested exhaustively and
 * shared by every caller (the explorer's SQL mirrors it with the same weights).
 *
 *   score = Σ w_k · v_k / Σ w_k      over the components k whose value v_k is KNOWN (not null)
 *
 * Every value is in [0, 1], so the score is too. A component we cannot know yet (no reviews, no
 * published hours) is left out and the remaining weights are renormalised, so a new provider is
 * neither punished nor boosted for missing data. Each component reports its effective (renormalised)
 * weight and contribution = weight × value, so the contributions add up to the score exactly.
 *
 * Components and why they are weighted as they are:
 * - coverage 0.30 — the strongest signal of intent: the provider chose to serve this zone and how
 *   centrally (priority 1 = primary area → 1.0, … 5 → 0.2). Halved when the provider only serves the
 *   nearest zone (fallback), because the address itself is outside every zone they chose.
 * - distance 0.25 — travel time drives arrival SLAs: 1 − d / radius from the crew base, 0 beyond.
 * - demand 0.15 — high 1 / medium 0.6 / low 0.3: customers in high-demand zones wait longest for an
 *   acceptance, so providers that serve those zones are shown first to shorten the queue there.
 * - availability 0.15 — 1 when open now, 0 when closed (opening hours in the provider's own time
 *   zone). Bookings (a later issue) replace the estimate with real slot availability through the
 *   same `AvailabilityEstimate` shape, without changing the formula.
 * - rating 0.15 — Bayesian average shrunk towards 3.5 stars with 5 virtual reviews, so one 5-star
 *   review does not outrank fifty 4.8-star ones: ((n·avg + 5·3.5)/(n + 5) − 1) / 4. Left out with no
 *   reviews (reviews arrive with bookings).
 */
import type { DemandLevel, ScoreComponent, ScoreKey } from './types';
import { scoreKeys } from './types';

export const scoreWeights: Readonly<Record<ScoreKey, number>> = Object.freeze({
  demand: 0.15,
  coverage: 0.3,
  distance: 0.25,
  availability: 0.15,
  rating: 0.15,
});

export const scoreFormula =
  'score = Σ(weight × value) ÷ Σ(weight) over the known components (unknown ones are left out and the rest renormalised). ' +
  'demand: high 1, medium 0.6, low 0.3. coverage: priority 1 → 1.0, 2 → 0.8, 3 → 0.6, 4 → 0.4, 5 → 0.2, halved when served only through the nearest (fallback) zone. ' +
  'distance: max(0, 1 − distance from the crew base ÷ search radius). availability: 1 when open now (opening hours in the provider’s time zone), 0 when closed, unknown without published hours. ' +
  'rating: ((count × average + 5 × 3.5) ÷ (count + 5) − 1) ÷ 4, unknown without reviews. ' +
  'Weights: coverage 0.30, distance 0.25, demand 0.15, availability 0.15, rating 0.15. Ties: nearer first, then provider id.';

export const demandValues: Readonly<Record<DemandLevel, number>> = Object.freeze({ high: 1, medium: 0.6, low: 0.3 });

/** Bayesian prior: 5 virtual reviews at 3.5 stars. */
export const RATING_PRIOR_COUNT = 5;
export const RATING_PRIOR_MEAN = 3.5;

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

export function demandValue(level: DemandLevel | null | undefined): number | null {
  return level ? demandValues[level] : null;
}

/** priority 1 → 1.0 … 5 → 0.2; ×0.5 when only through a fallback zone. */
export function coverageValue(priority: number | null | undefined, viaFallbackOnly = false): number | null {
  if (priority === null || priority === undefined || !Number.isFinite(priority)) return null;
  const p = Math.min(5, Math.max(1, Math.round(priority)));
  const base = (6 - p) / 5;
  return viaFallbackOnly ? base * 0.5 : base;
}

export function distanceValue(distanceM: number | null | undefined, radiusM: number): number | null {
  if (distanceM === null || distanceM === undefined || !Number.isFinite(distanceM) || !(radiusM > 0)) return null;
  return clamp01(1 - Math.max(0, distanceM) / radiusM);
}

export function ratingValue(average: number | null | undefined, count: number | null | undefined): number | null {
  if (!count || count <= 0 || average === null || average === undefined || !Number.isFinite(average)) return null;
  const avg = Math.min(5, Math.max(1, average));
  const shrunk = (count * avg + RATING_PRIOR_COUNT * RATING_PRIOR_MEAN) / (count + RATING_PRIOR_COUNT);
  return clamp01((shrunk - 1) / 4);
}

/**
 * What the availability component needs. Today it comes from opening hours; the bookings issue can
 * produce the same shape from free slots (value = share of the next hours that are bookable).
 */
export interface AvailabilityEstimate {
  value: number | null;
  note: string;
}

/** Opening-hours estimate: open now (until `closesAt`), closed, or no hours published. */
export function availabilityFromHours(h: { hasHours: boolean; openNow: boolean; closesAt: string | null; timeZone: string }): AvailabilityEstimate {
  if (!h.hasHours) return { value: null, note: 'No opening hours published — not counted' };
  if (h.openNow) return { value: 1, note: `Open now${h.closesAt ? ` until ${h.closesAt.slice(0, 5)}` : ''} (${h.timeZone})` };
  return { value: 0, note: `Closed now (${h.timeZone})` };
}

export interface ScoreInput {
  demandLevel: DemandLevel | null;
  /** Best (lowest) coverage priority 1–5 at this point. */
  coveragePriority: number | null;
  /** True when the provider serves the point only through the nearest (fallback) zone. */
  viaFallbackOnly: boolean;
  /** True when the coverage is the provider's own service area rather than a platform zone. */
  viaOwnArea?: boolean;
  distanceM: number | null;
  radiusM: number;
  availability: AvailabilityEstimate;
  rating: { average: number; count: number } | null;
}

export interface ScoreResult {
  score: number;
  components: ScoreComponent[];
}

/** Combines known values with the weights; unknown (null) ones get weight 0 and contribution 0. */
export function combine(values: Readonly<Record<ScoreKey, number | null>>, notes: Readonly<Record<ScoreKey, string>>, weights = scoreWeights): ScoreResult {
  let known = 0;
  for (const k of scoreKeys) if (values[k] !== null) known += weights[k];
  let score = 0;
  const components: ScoreComponent[] = scoreKeys.map((key) => {
    const v = values[key];
    if (v === null || known === 0) return { key, weight: 0, value: v === null ? null : clamp01(v), contribution: 0, note: notes[key] };
    const weight = weights[key] / known;
    const value = clamp01(v);
    const contribution = weight * value;
    score += contribution;
    return { key, weight: round4(weight), value: round4(value), contribution: round4(contribution), note: notes[key] };
  });
  return { score: round4(clamp01(score)), components };
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.round(m)} m`;
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
}

/** The full score with a human note per component — what the match response explains. */
export function scoreProvider(input: ScoreInput): ScoreResult {
  const demand = demandValue(input.demandLevel);
  const coverage = coverageValue(input.coveragePriority, input.viaFallbackOnly);
  const distance = distanceValue(input.distanceM, input.radiusM);
  const rating = input.rating ? ratingValue(input.rating.average, input.rating.count) : null;
  const priorityLabel = input.coveragePriority === 1 ? 'Primary coverage' : `Coverage priority ${input.coveragePriority ?? '—'}`;
  const notes: Record<ScoreKey, string> = {
    demand: input.demandLevel ? `${capitalise(input.demandLevel)}-demand zone` : 'Zone demand unknown — not counted',
    coverage:
      coverage === null
        ? 'No coverage — not counted'
        : input.viaFallbackOnly
          ? `${priorityLabel} of the nearest zone (priority ${input.coveragePriority}); this address is outside it, so halved`
          : `${priorityLabel} (priority ${input.coveragePriority})${input.viaOwnArea ? ' in its own service area' : ''}`,
    distance:
      distance === null
        ? 'Distance unknown — not counted'
        : `${formatDistance(input.distanceM ?? 0)} from the crew base${distance === 0 ? ` (beyond the ${formatDistance(input.radiusM)} radius)` : ''}`,
    availability: input.availability.note,
    rating: rating === null || !input.rating ? 'No reviews yet — not counted' : `${input.rating.average.toFixed(1)}★ from ${input.rating.count} review${input.rating.count === 1 ? '' : 's'}`,
  };
  return combine({ demand, coverage, distance, availability: input.availability.value, rating }, notes);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
