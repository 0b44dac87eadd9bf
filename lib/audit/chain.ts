import { createHash } from 'node:crypto';

/** The content of an audit row that the hash covers (everything but the seal columns). */
export interface AuditContent {
  seq: number;
  id: string;
  occurredAt: Date | string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  tenantId: string | null;
  requestId: string | null;
  data: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: object keys sorted at every depth, so jsonb's key reordering never breaks a hash. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function hashAuditRow(prevHash: string, chainPos: number, row: AuditContent): string {
  // Pick the content fields explicitly: callers pass whole rows that also hold the seal columns.
  const body = canonical({
    chainPos,
    seq: Number(row.seq),
    id: row.id,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    tenantId: row.tenantId,
    requestId: row.requestId,
    data: row.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
