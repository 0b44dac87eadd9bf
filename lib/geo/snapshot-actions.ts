'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/core/action';
import { requestSnapshot } from './request-snapshot';

/** Operations/admin: queue a zone analytics run now. → { runId } */
export const requestSnapshotAction = defineAction('zones.snapshot', { auth: 'user', permission: 'zones.snapshot', input: z.object({}) }, (_input, ctx) =>
  requestSnapshot(ctx),
);
