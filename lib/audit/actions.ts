'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/core/action';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx } from '@/lib/core/context';
import { recordAudit } from './record-audit';
import { sealAuditLog } from './seal';
import { verifyAuditChain, type VerifyReport } from './verify';

export type VerifyAuditResult = VerifyReport & { sealedNow: number };

/**
 * Seals what is pending first, so the report covers every row written so far rather than only
 * what the periodic sealing job happened to reach. The request itself is audited before sealing,
 * so it is part of the chain it checks.
 */
export const verifyAuditAction = defineAction(
  'audit.verify',
  { auth: 'user', permission: 'audit.verify', input: z.object({}) },
  async (_input, ctx): Promise<VerifyAuditResult> => {
    authorize(ctx.actor, 'audit.verify');
    await withTx(ctx, (c) => recordAudit(c, { action: 'audit.verify', entityType: 'audit_log' }));
    const sealedNow = await sealAuditLog();
    const report = await verifyAuditChain();
    return { ...report, sealedNow };
  },
);
