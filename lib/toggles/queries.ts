import { asc, eq } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { featureToggles } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { now as clockNow } from '@/lib/core/clock';
import type { Actor } from '@/lib/core/context';
import { env } from '@/lib/core/env';
import { logger } from '@/lib/core/logger';
import { inRollout } from './rollout';
import type { ToggleDto } from './schemas';

/** Toggles are per environment; the running app only ever sees its own. */
export function toggleEnvironment(): string {
  return env().APP_ENV;
}

type ToggleRow = typeof featureToggles.$inferSelect;

export function toToggleDto(row: ToggleRow): ToggleDto {
  return {
    key: row.key,
    environment: row.environment,
    description: row.description,
    enabled: row.enabled,
    rolloutPercent: row.rolloutPercent,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Every toggle of the current environment, by key (admin screens). */
export async function listToggles(actor: Actor): Promise<ToggleDto[]> {
  authorize(actor, 'toggles.read');
  const rows = await db()
    .select()
    .from(featureToggles)
    .where(eq(featureToggles.environment, toggleEnvironment()))
    .orderBy(asc(featureToggles.key));
  return rows.map(toToggleDto);
}

/**
 * Feature checks run on hot paths (every page, every list item), so the environment's toggles
 * are read in one query and reused for a few seconds. The snapshot is keyed by the database
 * handle so tests that swap databases never see each other's toggles. Other instances pick up a
 * change within SNAPSHOT_TTL_MS; this instance drops its snapshot as soon as it writes one.
 */
const SNAPSHOT_TTL_MS = 5_000;

interface Snapshot {
  environment: string;
  loadedAt: number;
  toggles: Map<string, { enabled: boolean; rolloutPercent: number }>;
}

const snapshots = new WeakMap<Db, Snapshot>();
const loading = new WeakMap<Db, Promise<Snapshot>>();

async function loadSnapshot(database: Db, environment: string, at: number): Promise<Snapshot> {
  const rows = await database
    .select({ key: featureToggles.key, enabled: featureToggles.enabled, rolloutPercent: featureToggles.rolloutPercent })
    .from(featureToggles)
    .where(eq(featureToggles.environment, environment));
  return { environment, loadedAt: at, toggles: new Map(rows.map((r) => [r.key, { enabled: r.enabled, rolloutPercent: r.rolloutPercent }])) };
}

async function currentSnapshot(at: number): Promise<Snapshot> {
  const database = db();
  const environment = toggleEnvironment();
  const cached = snapshots.get(database);
  // `at < loadedAt` covers tests that move the clock backwards: treat the snapshot as unknown.
  if (cached && cached.environment === environment && at >= cached.loadedAt && at - cached.loadedAt < SNAPSHOT_TTL_MS) {
    return cached;
  }
  // Concurrent checks after expiry share one query instead of stampeding the database.
  let pending = loading.get(database);
  if (!pending) {
    pending = loadSnapshot(database, environment, at).finally(() => loading.delete(database));
    loading.set(database, pending);
  }
  const fresh = await pending;
  snapshots.set(database, fresh);
  return fresh;
}

/** Called by writers after a change so this instance never serves its own stale snapshot. */
export function forgetToggleSnapshot(): void {
  snapshots.delete(db());
}

/**
 * Public read for features: is `key` on for this user right now? Missing or disabled toggles are
 * off; a partial rollout puts each signed-in user in a stable bucket (see rollout.ts). It never
 * throws: if the toggles cannot be read the feature stays off (fail closed), because a flag
 * exists to keep unfinished or risky code dark. `now` drives snapshot expiry (tests pass the clock).
 */
export async function isEnabled(key: string, userId?: string | null, now: Date = clockNow()): Promise<boolean> {
  let snapshot: Snapshot;
  try {
    snapshot = await currentSnapshot(now.getTime());
  } catch (err) {
    logger.warn({ err, toggle: key }, 'feature toggles could not be read; treating as off');
    return false;
  }
  const toggle = snapshot.toggles.get(key);
  if (!toggle || !toggle.enabled) return false;
  return inRollout(toggle.rolloutPercent, key, userId);
}
