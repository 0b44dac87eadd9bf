import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { RentalDetailPage } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'Rental · operations' };

export default guardedPage('rentals.read_all', async ({ params }: { params: Promise<{ id: string }> }) => RentalDetailPage({ id: (await params).id, viewer: 'operations' }), 'Loading the rental…');
