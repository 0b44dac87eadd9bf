'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/core/action';
import { acknowledgeAlert } from './acknowledge-alert';
import { addUnits } from './add-units';
import { archiveItem } from './archive-item';
import { createItem } from './create-item';
import { recordMove } from './record-move';
import { resolveAlert } from './resolve-alert';
import { setUnitStatus } from './set-unit-status';
import { updateItem } from './update-item';
import { acknowledgeAlertInput, addUnitsInput, archiveItemInput, createItemInput, recordMoveInput, resolveAlertInput, setUnitStatusInput, updateItemInput } from './schemas';

const perm = { auth: 'user', permission: 'inventory.manage', idempotent: true } as const;

export const createItemAction = defineAction('inventory.create_item', { ...perm, input: createItemInput.extend({ idempotencyKey: z.string().optional() }) }, (input, ctx) => createItem(ctx, input));
export const updateItemAction = defineAction('inventory.update_item', { ...perm, idempotent: false, input: updateItemInput }, (input, ctx) => updateItem(ctx, input));
export const archiveItemAction = defineAction('inventory.archive_item', { ...perm, idempotent: false, input: archiveItemInput }, (input, ctx) => archiveItem(ctx, input));
export const recordMoveAction = defineAction('inventory.record_move', { ...perm, input: recordMoveInput.extend({ idempotencyKey: z.string().optional() }) }, (input, ctx) => recordMove(ctx, input));
export const addUnitsAction = defineAction('inventory.add_units', { ...perm, input: addUnitsInput.extend({ idempotencyKey: z.string().optional() }) }, (input, ctx) => addUnits(ctx, input));
export const setUnitStatusAction = defineAction('inventory.set_unit_status', { ...perm, idempotent: false, input: setUnitStatusInput }, (input, ctx) => setUnitStatus(ctx, input));
export const acknowledgeAlertAction = defineAction('inventory.acknowledge_alert', { ...perm, idempotent: false, input: acknowledgeAlertInput }, (input, ctx) => acknowledgeAlert(ctx, input));
export const resolveAlertAction = defineAction('inventory.resolve_alert', { ...perm, idempotent: false, input: resolveAlertInput }, (input, ctx) => resolveAlert(ctx, input));
