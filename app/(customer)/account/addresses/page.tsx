import type { Metadata } from 'next';
import { AddressBook } from '@/components/booking/address-book.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { listSavedAddresses } from '@/lib/bookings/saved-addresses';
import { requestCtx } from '@/lib/core/auth/session';
import { mapClientConfig } from '@/lib/geo/map-config';

export const metadata: Metadata = { title: 'Saved addresses' };

async function AddressesContent() {
  const ctx = await requestCtx();
  const addresses = await listSavedAddresses(ctx);
  return (
    <>
      <PageHeader title="Saved addresses" description="Addresses you can pick in one step when you book." />
      <AddressBook addresses={addresses} mapConfig={mapClientConfig()} />
    </>
  );
}

export default guardedPage('bookings.create', AddressesContent, 'Loading your addresses…');
