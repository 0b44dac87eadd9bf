'use server';

import { defineAction } from '@/lib/core/action';
import { match } from './match';
import { matchInput } from './match-schemas';

/** Same fields as GET /api/v1/geo/match, as an object. Public. */
export const matchAction = defineAction('geo.match', { auth: 'public', input: matchInput }, (input, ctx) => match(ctx, input));
