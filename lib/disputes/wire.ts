/** JSON shapes of disputes for the API and the screens (amounts as integer minor units). */
import { z } from 'zod';
import { toWire } from '@/lib/core/money';
import type { DisputeDetail, DisputeListItem } from './queries';

export const disputeListItemWire = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  reasonCode: z.string(),
  bookingId: z.string().nullable(),
  subjectKind: z.string(),
  bookingReference: z.string().nullable(),
  providerName: z.string(),
  customerName: z.string(),
  amountMinor: z.number().int(),
  refundMinor: z.number().int().nullable(),
  currency: z.string(),
  outcome: z.string().nullable(),
  responseDueAt: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
});
export type DisputeListItemWire = z.infer<typeof disputeListItemWire>;

export function toListItemWire(d: DisputeListItem): DisputeListItemWire {
  return {
    ...d,
    amountMinor: toWire(d.amountMinor),
    refundMinor: d.refundMinor === null ? null : toWire(d.refundMinor),
    responseDueAt: d.responseDueAt.toISOString(),
    createdAt: d.createdAt.toISOString(),
  };
}

export const disputeDetailWire = z.object({
  id: z.string(),
  reference: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  bookingId: z.string().nullable(),
  bookingReference: z.string().nullable(),
  bookingStatus: z.string().nullable(),
  providerName: z.string(),
  customerName: z.string(),
  status: z.string(),
  openedByParty: z.string(),
  reasonCode: z.string(),
  reason: z.string(),
  response: z.string().nullable(),
  responseDueAt: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  outcome: z.string().nullable(),
  refundMinor: z.number().int().nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  firstResolvedBy: z.string().nullable(),
  appealCount: z.number().int(),
  appealClosesAt: z.string().nullable(),
  createdAt: z.string(),
  parties: z.array(z.string()),
  evidence: z.array(
    z.object({
      id: z.string(),
      party: z.string(),
      note: z.string(),
      internal: z.boolean(),
      createdAt: z.string(),
      file: z.object({ name: z.string(), contentType: z.string(), sizeBytes: z.number().int() }).nullable(),
    }),
  ),
  events: z.array(z.object({ id: z.string(), kind: z.string(), party: z.string().nullable(), note: z.string(), internal: z.boolean(), at: z.string(), actorName: z.string().nullable() })),
});
export type DisputeDetailWire = z.infer<typeof disputeDetailWire>;

export function toDetailWire(x: DisputeDetail): DisputeDetailWire {
  const d = x.dispute;
  const ops = x.parties.includes('operations');
  return {
    id: d.id,
    reference: d.reference,
    subjectKind: d.subjectKind,
    subjectId: d.subjectId,
    bookingId: d.bookingId,
    bookingReference: x.bookingReference,
    bookingStatus: x.bookingStatus,
    providerName: x.providerName,
    customerName: x.customerName,
    status: d.status,
    openedByParty: d.openedByParty,
    reasonCode: d.reasonCode,
    reason: d.reason,
    response: d.response,
    responseDueAt: d.responseDueAt.toISOString(),
    amountMinor: toWire(d.amountMinor),
    currency: d.currency,
    outcome: d.outcome,
    refundMinor: d.refundMinor === null ? null : toWire(d.refundMinor),
    resolutionNote: d.resolutionNote,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    // Who resolved first matters to operations only (an appeal goes to someone else).
    firstResolvedBy: ops ? d.firstResolvedBy : null,
    appealCount: d.appealCount,
    appealClosesAt: x.appealClosesAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    parties: x.parties,
    evidence: x.evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    events: x.events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
