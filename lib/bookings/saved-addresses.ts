/**
 * The caller's saved addresses (customer only; own rows only), newest first. Used by the booking
 * wizard ("use a saved address") and /account/addresses.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { unauthenticated } from '@/lib/core/errors';

/** Saved addresses serve bookings, so the customer's booking permission governs them. */
export const ADDRESS_PERMISSION = 'bookings.create' as const;
export const MAX_SAVED_ADDRESSES = 20;

export interface SavedAddress {
  id: string;
  label: string;
  addressLine: string;
  lon: number;
  lat: number;
  createdAt: string;
}

export async function listSavedAddresses(ctx: Ctx): Promise<SavedAddress[]> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  authorize(ctx.actor, ADDRESS_PERMISSION);
  const rows = rowsOf<{ id: string; label: string; address_line: string; lon: number | string; lat: number | string; created_at: string | Date }>(
    await exec(ctx).execute(sql`
      select id::text, label, address_line, ST_X(location) as lon, ST_Y(location) as lat, created_at
        from saved_addresses where user_id = ${ctx.actor.userId}::uuid
       order by created_at desc, id desc
       limit ${MAX_SAVED_ADDRESSES}`),
  );
  return rows.map((r) => ({ id: r.id, label: r.label, addressLine: r.address_line, lon: Number(r.lon), lat: Number(r.lat), createdAt: new Date(r.created_at).toISOString() }));
}
