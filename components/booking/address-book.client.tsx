'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Home, MapPin, Trash2 } from 'lucide-react';
import { PlaceSearch } from '@/components/explorer/place-search';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { EmptyState } from '@/components/ui/states';
import { deleteAddressAction, saveAddressAction } from '@/lib/bookings/address-actions';
import type { MapClientConfig } from '@/lib/geo/map-config';
import { LocationMap } from './location-map.client';

interface AddressView {
  id: string;
  label: string;
  addressLine: string;
  lon: number;
  lat: number;
}

/** The saved-address list with delete buttons, and the add form (place search or map pin). */
export function AddressBook({ addresses, mapConfig }: { addresses: AddressView[]; mapConfig: MapClientConfig }) {
  const [status, setStatus] = useState('');
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="list-heading" className="grid content-start gap-3">
        <h2 id="list-heading" className="text-base font-semibold">
          Your addresses
        </h2>
        <p className="sr-only" role="status">
          {status}
        </p>
        {addresses.length === 0 ? (
          <EmptyState icon={<Home />} title="No saved addresses" description="Add one here; the booking wizard offers it as a one-click choice." className="py-6" />
        ) : (
          <ul className="grid gap-2" aria-label="Saved addresses">
            {addresses.map((a) => (
              <AddressRow key={a.id} address={a} onDone={setStatus} />
            ))}
          </ul>
        )}
      </section>
      <AddAddressForm mapConfig={mapConfig} />
    </div>
  );
}

function AddressRow({ address, onDone }: { address: AddressView; onDone: (s: string) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await deleteAddressAction({ addressId: address.id });
        if (result.ok) {
          toast.success(`Deleted ${address.label}`);
          onDone(`Deleted ${address.label}.`);
          router.refresh();
          return;
        }
        toast.error(result.error.message);
        onDone(result.error.message);
      } catch {
        toast.error('Could not delete it. Check your connection and try again.');
      }
    });
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 rounded-lg border bg-surface p-3" data-testid="saved-address">
      <div className="grid min-w-0 gap-0.5 text-sm">
        <span className="font-medium">{address.label}</span>
        <span className="break-words text-muted">{address.addressLine}</span>
      </div>
      <Button variant="secondary" size="sm" loading={pending} onClick={remove}>
        <Trash2 aria-hidden="true" />
        Delete<span className="sr-only"> {address.label}</span>
      </Button>
    </li>
  );
}

function AddAddressForm({ mapConfig }: { mapConfig: MapClientConfig }) {
  const router = useRouter();
  const [point, setPoint] = useState<{ lon: number; lat: number; name: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { formAction, pending, error, errorRef, values, fieldError } = useActionForm(saveAddressAction, {
    successMessage: (a) => `Saved ${a.label}`,
    onSuccess: () => {
      setPoint(null);
      setFormKey((k) => k + 1);
      router.refresh();
    },
  });
  const pointError = fieldError('lon') ?? fieldError('lat');
  return (
    <section aria-labelledby="add-heading" className="grid content-start gap-3">
      <h2 id="add-heading" className="text-base font-semibold">
        Add an address
      </h2>
      <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border bg-surface p-4" noValidate>
        <FormAlert message={error?.message} errorRef={errorRef} />
        <FormField label="Label" name="label" required error={fieldError('label')} description="For example Home, Office, Mum’s.">
          <Input defaultValue={values.label ?? ''} maxLength={60} />
        </FormField>
        <FormField label="Address" name="addressLine" required error={fieldError('addressLine')} description="House number, street, flat and postcode, as a crew should see it.">
          <Input defaultValue={values.addressLine ?? ''} maxLength={300} autoComplete="street-address" />
        </FormField>
        <div className="grid gap-2">
          <p className="text-sm font-medium">Location on the map</p>
          {pointError ? (
            <p className="text-sm font-medium text-danger" id="point-error">
              {Array.isArray(pointError) ? pointError[0] : String(pointError)}
            </p>
          ) : null}
          <PlaceSearch onChoose={(p) => setPoint({ lon: p.lon, lat: p.lat, name: p.name })} />
          <LocationMap config={mapConfig} point={point} onPick={(p) => setPoint({ ...p, name: 'Pinned point' })} />
          <p className="flex items-center gap-2 text-sm" aria-live="polite">
            <MapPin aria-hidden="true" className="size-4" />
            {point ? `${point.name} (${point.lat.toFixed(4)}, ${point.lon.toFixed(4)})` : 'No point chosen yet: search a place or click the map.'}
          </p>
          <input type="hidden" name="lon" value={point ? String(point.lon) : ''} />
          <input type="hidden" name="lat" value={point ? String(point.lat) : ''} />
        </div>
        <div>
          <Button type="submit" loading={pending}>
            Save address
          </Button>
        </div>
      </form>
    </section>
  );
}
