import { toWire } from '@/lib/core/money';
import type { ServiceStatus } from './schemas';

/** What service verbs and queries return: a DTO with integer minor units, never a raw row. */
export interface ServiceView {
  id: string;
  title: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  priceMinor: number;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  confirmationWindowMinutes: number;
  status: ServiceStatus;
  updatedAt: string;
}

export interface ServiceRowLike {
  id: string;
  title: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  priceMinor: bigint;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  confirmationWindowMinutes: number;
  status: ServiceStatus;
  updatedAt: Date;
}

export function toServiceView(r: ServiceRowLike): ServiceView {
  return { ...r, priceMinor: toWire(r.priceMinor), currency: r.currency.trim(), updatedAt: r.updatedAt.toISOString() };
}
