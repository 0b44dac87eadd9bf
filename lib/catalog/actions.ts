'use server';

import { defineAction } from '@/lib/core/action';
import { createService } from './create-service';
import { createServiceInput, setServiceStatusInput, updateServiceInput } from './schemas';
import { setServiceStatus } from './set-service-status';
import { updateService } from './update-service';

export const createServiceAction = defineAction('services.create', { auth: 'user', permission: 'services.manage', input: createServiceInput, idempotent: true }, (input, ctx) =>
  createService(ctx, input),
);

export const updateServiceAction = defineAction('services.update', { auth: 'user', permission: 'services.manage', input: updateServiceInput }, (input, ctx) =>
  updateService(ctx, input),
);

export const setServiceStatusAction = defineAction('services.set_status', { auth: 'user', permission: 'services.manage', input: setServiceStatusInput }, (input, ctx) =>
  setServiceStatus(ctx, input),
);
