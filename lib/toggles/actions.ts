'use server';

import { defineAction } from '@/lib/core/action';
import { setToggleInput } from './schemas';
import { setToggle } from './set-toggle';

export const setToggleAction = defineAction(
  'toggles.update',
  { auth: 'user', permission: 'toggles.update', input: setToggleInput },
  (input, ctx) => setToggle(ctx, input),
);
