import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { PartyDisputeList } from '@/components/disputes/pages';

export const metadata: Metadata = { title: 'Disputes' };

export default guardedPage('disputes.participate', () => PartyDisputeList({ viewer: 'provider', base: '/provider/disputes' }), 'Loading disputes…');
