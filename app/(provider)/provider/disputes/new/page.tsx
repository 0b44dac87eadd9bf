import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { NewDispute } from '@/components/disputes/pages';

export const metadata: Metadata = { title: 'Open a dispute' };

async function Content({ searchParams }: { searchParams: Promise<{ booking?: string }> }) {
  const { booking } = await searchParams;
  return NewDispute({ bookingId: booking, base: '/provider/disputes', bookingHref: '/provider/bookings' });
}

export default guardedPage('disputes.open', Content, 'Loading…');
