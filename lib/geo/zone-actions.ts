'use server';

import { defineAction } from '@/lib/core/action';
import { createZone } from './create-zone';
import { importZones } from './import-zones';
import { createZoneInput, importZonesInput, setCoverageInput, setZoneStatusInput, updateZoneInput } from './schemas';
import { setCoverage } from './set-coverage';
import { setZoneStatus } from './set-zone-status';
import { updateZone } from './update-zone';

// Zone writes: the permission depends on the scope (platform vs own) and on the zone's owner, so
// each verb authorises itself; the wrapper only requires a signed-in user.

export const createZoneAction = defineAction('zones.create', { auth: 'user', input: createZoneInput, idempotent: true }, (input, ctx) =>
  createZone(ctx, input),
);

export const updateZoneAction = defineAction('zones.update', { auth: 'user', input: updateZoneInput }, (input, ctx) => updateZone(ctx, input));

export const setZoneStatusAction = defineAction('zones.set_status', { auth: 'user', input: setZoneStatusInput }, (input, ctx) =>
  setZoneStatus(ctx, input),
);

export const importZonesAction = defineAction('zones.import', { auth: 'user', input: importZonesInput, idempotent: true }, (input, ctx) =>
  importZones(ctx, input),
);

export const setCoverageAction = defineAction('coverage.set', { auth: 'user', permission: 'coverage.manage', input: setCoverageInput }, (input, ctx) =>
  setCoverage(ctx, input),
);
