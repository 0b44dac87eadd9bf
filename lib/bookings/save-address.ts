/**
 * saveAddress(ctx, {label, addressLine, lon, lat}) — a customer saves an address for bookings.
 * At most MAX_SAVED_ADDRESSES per person; a second one with the same label is refused by field.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { savedAddresses } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { unauthenticated, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { ADDRESS_PERMISSION, MAX_SAVED_ADDRESSES, type SavedAddress } from './saved-addresses';

const coord = (what: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z.number({ message: `${what}: choose the place on the map or with the place search` }).min(-max, `must be between -${max} and ${max}`).max(max, `must be between -${max} and ${max}`),
  );

export const saveAddressInput = z.object({
  label: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  addressLine: z.string().trim().min(3, 'must be at least 3 characters').max(300, 'must be at most 300 characters'),
  lon: coord('longitude', 180),
  lat: coord('latitude', 90),
});

export async function saveAddress(ctx: Ctx, raw: unknown): Promise<SavedAddress> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  authorize(ctx.actor, ADDRESS_PERMISSION);
  const userId = ctx.actor.userId;
  const input = parseInput(saveAddressInput, raw);
  return withTx(ctx, async (c) => {
    // Serialise one person's saves so the cap and the label check cannot race.
    await c.tx.execute(sql`select pg_advisory_xact_lock(hashtext('saved_addresses:' || ${userId}))`);
    const [stats] = rowsOf<{ n: number | string; same: boolean }>(
      await c.tx.execute(sql`
        select count(*) as n, coalesce(bool_or(lower(label) = lower(${input.label})), false) as same
          from saved_addresses where user_id = ${userId}::uuid`),
    );
    if (stats?.same) throw validation({ label: ['you already have an address with this label'] });
    if (Number(stats?.n ?? 0) >= MAX_SAVED_ADDRESSES) throw validation({ label: [`you can save at most ${MAX_SAVED_ADDRESSES} addresses; delete one first`] });
    const id = newId();
    await c.tx.insert(savedAddresses).values({
      id,
      userId,
      label: input.label,
      addressLine: input.addressLine,
      location: JSON.stringify({ type: 'Point', coordinates: [input.lon, input.lat] }),
      createdAt: c.now,
      updatedAt: c.now,
    });
    await recordAudit(c, { action: 'addresses.save', entityType: 'saved_address', entityId: id, tenantId: null, data: { label: input.label } });
    return { id, label: input.label, addressLine: input.addressLine, lon: input.lon, lat: input.lat, createdAt: c.now.toISOString() };
  });
}
