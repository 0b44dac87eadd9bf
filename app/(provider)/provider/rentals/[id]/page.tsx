import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { RentalDetailPage } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'Rental · desk' };

export default guardedPage('rentals.manage', async ({ params }: { params: Promise<{ id: string }> }) => RentalDetailPage({ id: (await params).id, viewer: 'provider' }), 'Loading the rental…');
