// GET /api/v1/me/favourites — ids of the providers the signed-in user saved.
import { defineRoute } from '@/lib/core/route';
import { favouriteIds } from '@/lib/geo/favourites';
import { myFavouritesContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(myFavouritesContract, async ({ ctx }) => ({ providerOrgIds: await favouriteIds(ctx) }));
