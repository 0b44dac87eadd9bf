// The geo floor: a bare node:http + postgres.js server answering GET /?lon=&lat= with the SAME two
// SQL statements the app's match runs (zones containing/nearest, then the providers serving them;
// compiled from lib/geo/match.ts), returning the rows as JSON without ranking. Its requests/s is
// what the hardware and PostgreSQL allow for this query, so the app's match is compared to it.
//   FLOOR_DATABASE_URL=postgres://… node --import tsx scripts/bench/lib/geo-floor-server.ts [port] [poolMax]
import postgres from 'postgres';
import { serveFloor } from './floor-http';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { providersQuery, zonesQuery } from '@/lib/geo/match';
import { MATCH_DEFAULT_RADIUS_M } from '@/lib/geo/match-schemas';

const url = process.env.FLOOR_DATABASE_URL;
if (!url) {
  process.stderr.write('FLOOR_DATABASE_URL is required\n');
  process.exit(2);
}
const port = Number(process.argv[2] ?? 0);
const poolMax = Number(process.argv[3] ?? 10);
// Same connection settings as the app (db/client.ts), so the comparison is like for like.
const db = postgres(url, { max: poolMax, onnotice: () => {}, connection: { application_name: 'fixnado-floor', jit: 'off' } });
const dialect = new PgDialect({ casing: 'snake_case' });

function run<T extends Record<string, unknown>>(q: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return db.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
}

async function answer(lon: number, lat: number) {
  const zones = await run<{ id: string; owner_kind: string; fallback: boolean }>(zonesQuery({ lon, lat, radiusM: MATCH_DEFAULT_RADIUS_M }));
  const platform = zones.filter((z) => z.owner_kind === 'platform');
  const providers = await run(
    providersQuery({
      lon,
      lat,
      at: new Date(),
      platformZoneIds: platform.map((z) => z.id),
      fallbackZoneIds: platform.filter((z) => z.fallback).map((z) => z.id),
      ownAreaIds: zones.filter((z) => z.owner_kind === 'provider').map((z) => z.id),
    }),
  );
  return { zones, providers };
}

serveFloor({
  port,
  close: () => db.end({ timeout: 2 }),
  answer: async (u) => ({ status: 200, body: await answer(Number(u.searchParams.get('lon')), Number(u.searchParams.get('lat'))) }),
});
