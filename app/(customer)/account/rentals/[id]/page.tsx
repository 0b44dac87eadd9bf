import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { RentalDetailPage } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'Rental' };

export default guardedPage('rentals.request', async ({ params }: { params: Promise<{ id: string }> }) => RentalDetailPage({ id: (await params).id, viewer: 'customer' }), 'Loading the rental…');
