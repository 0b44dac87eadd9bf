import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { ProviderRentalDesk } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'Rental desk' };

export default guardedPage('rentals.manage', async ({ searchParams }: { searchParams: Promise<{ status?: string }> }) => ProviderRentalDesk({ status: (await searchParams).status }), 'Loading the rental desk…');
