'use server';

import { defineAction } from '@/lib/core/action';
import { toggleFavouriteInput } from './match-schemas';
import { toggleFavourite } from './toggle-favourite';

/** Save / unsave a provider for the signed-in customer. */
export const toggleFavouriteAction = defineAction(
  'favourites.toggle',
  { auth: 'user', permission: 'favourites.manage', input: toggleFavouriteInput },
  (input, ctx) => toggleFavourite(ctx, input),
);
