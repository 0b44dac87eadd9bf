import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { reviews } from '@/db/schema';

export type ReviewRow = typeof reviews.$inferSelect;

export interface ReviewView {
  id: string;
  bookingId: string;
  providerOrgId: string;
  rating: number;
  body: string;
  reply: string | null;
  repliedAt: string | null;
  status: 'published' | 'reported' | 'hidden';
  createdAt: string;
}

export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    bookingId: r.bookingId,
    providerOrgId: r.providerOrgId,
    rating: r.rating,
    body: r.body,
    reply: r.reply,
    repliedAt: r.repliedAt ? r.repliedAt.toISOString() : null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function lockReview(tx: Tx, id: string): Promise<ReviewRow | undefined> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.id, id)).for('update');
  return row;
}
