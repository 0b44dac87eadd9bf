import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { CustomerRentalList } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'My rentals' };

export default guardedPage('rentals.request', () => CustomerRentalList(), 'Loading your rentals…');
