// GET /api/v1/geo/places — place search for the address box (gazetteer, or online when configured).
import { defineRoute } from '@/lib/core/route';
import { searchPlaces } from '@/lib/geo/geocoder';
import { placesContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(placesContract, ({ ctx, query }) => searchPlaces(ctx, query));
