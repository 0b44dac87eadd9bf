/**
 * A customer's saved providers. Reads are scoped to the signed-in user only (no user id is ever
 * taken from input), and list only providers that still have a public profile.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { unauthenticated } from '@/lib/core/errors';
import type { LonLat } from './types';

export interface FavouriteProvider {
  orgId: string;
  slug: string;
  name: string;
  tagline: string;
  rating: { average: number; count: number } | null;
  basePoint: LonLat;
  savedAt: string;
}

function userIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.userId;
}

export async function listFavourites(ctx: Ctx): Promise<FavouriteProvider[]> {
  const userId = userIdOf(ctx);
  const rows = rowsOf<{
    org_id: string;
    slug: string;
    name: string;
    tagline: string;
    rating_x100: number | null;
    rating_count: number | string;
    lon: number | string;
    lat: number | string;
    created_at: Date | string;
  }>(
    await exec(ctx).execute(sql`
      select o.id as org_id, o.slug, o.name, p.tagline, p.rating_x_100 as rating_x100, p.rating_count,
             ST_X(p.base_point) as lon, ST_Y(p.base_point) as lat, f.created_at
      from favourite_providers f
      join organisations o on o.id = f.provider_org_id and o.kind = 'provider'
      join provider_profiles p on p.org_id = o.id
      where f.user_id = ${userId}
      order by f.created_at desc, o.name, o.id`),
  );
  return rows.map((r) => {
    const count = Number(r.rating_count);
    return {
      orgId: r.org_id,
      slug: r.slug,
      name: r.name,
      tagline: r.tagline,
      rating: r.rating_x100 !== null && count > 0 ? { average: r.rating_x100 / 100, count } : null,
      basePoint: [Number(r.lon), Number(r.lat)],
      savedAt: new Date(r.created_at).toISOString(),
    };
  });
}

/** Just the ids (explorer hearts). Anonymous visitors have none. */
export async function favouriteIds(ctx: Ctx): Promise<string[]> {
  if (ctx.actor.kind !== 'user') return [];
  const rows = rowsOf<{ provider_org_id: string }>(
    await exec(ctx).execute(sql`
      select f.provider_org_id from favourite_providers f
      join provider_profiles p on p.org_id = f.provider_org_id
      where f.user_id = ${ctx.actor.userId}
      order by f.provider_org_id`),
  );
  return rows.map((r) => r.provider_org_id);
}
