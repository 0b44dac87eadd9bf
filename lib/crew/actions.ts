'use server';

import { defineAction } from '@/lib/core/action';
import { createServiceman } from './create-serviceman';
import { addException, addTimeOff, removeException, removeTimeOff } from './exceptions';
import {
  addExceptionInput,
  addTimeOffInput,
  createServicemanInput,
  removeExceptionInput,
  removeTimeOffInput,
  setServicemanStatusInput,
  setWeeklyHoursInput,
  updateServicemanInput,
} from './schemas';
import { setWeeklyHours } from './set-weekly-hours';
import { setServicemanStatus, updateServiceman } from './update-serviceman';

// Profile verbs need crew.manage; working-time verbs are also open to the serviceman himself
// (crew.manage_self), so those authorise inside the verb on the row.

export const createServicemanAction = defineAction('crew.create', { auth: 'user', permission: 'crew.manage', input: createServicemanInput, idempotent: true }, (input, ctx) =>
  createServiceman(ctx, input),
);
export const updateServicemanAction = defineAction('crew.update', { auth: 'user', permission: 'crew.manage', input: updateServicemanInput }, (input, ctx) =>
  updateServiceman(ctx, input),
);
export const setServicemanStatusAction = defineAction('crew.set_status', { auth: 'user', permission: 'crew.manage', input: setServicemanStatusInput }, (input, ctx) =>
  setServicemanStatus(ctx, input),
);
export const setWeeklyHoursAction = defineAction('crew.set_hours', { auth: 'user', input: setWeeklyHoursInput }, (input, ctx) => setWeeklyHours(ctx, input));
export const addExceptionAction = defineAction('crew.add_exception', { auth: 'user', input: addExceptionInput }, (input, ctx) => addException(ctx, input));
export const removeExceptionAction = defineAction('crew.remove_exception', { auth: 'user', input: removeExceptionInput }, (input, ctx) => removeException(ctx, input));
export const addTimeOffAction = defineAction('crew.add_time_off', { auth: 'user', input: addTimeOffInput }, (input, ctx) => addTimeOff(ctx, input));
export const removeTimeOffAction = defineAction('crew.remove_time_off', { auth: 'user', input: removeTimeOffInput }, (input, ctx) => removeTimeOff(ctx, input));
