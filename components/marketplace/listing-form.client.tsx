'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { EXPONENTS } from '@/lib/core/currency';
import { createListingAction, updateListingAction } from '@/lib/marketplace/actions';
import { listingKinds, MAX_LISTING_PHOTOS, modesFor, type ListingKind } from '@/lib/marketplace/policy';
import type { ListingFormOptions } from '@/lib/marketplace/queries';
import { formatMinor, kindLabels, photoUrl } from './format';

export interface ListingFormValues {
  id?: string;
  version?: number;
  status?: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string | null;
  itemId: string | null;
  serviceId: string | null;
  priceMinor: number | null;
  photoIds: string[];
}

const exponentOf = (ccy: string) => (EXPONENTS as Record<string, number>)[ccy] ?? 2;

/** "12.5" → 1250 minor units, exactly (string arithmetic, no floats); null if not a price. */
function toMinorUnits(text: string, currency: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return null;
  const exp = exponentOf(currency);
  const frac = (m[2] ?? '').slice(0, exp).padEnd(exp, '0');
  if ((m[2] ?? '').length > exp) return null;
  return Number(m[1]) * 10 ** exp + (frac ? Number(frac) : 0);
}

function toMajorText(minor: number | null, currency: string): string {
  if (minor == null) return '';
  const exp = exponentOf(currency);
  if (exp === 0) return String(minor);
  const s = String(minor).padStart(exp + 1, '0');
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

/** Create or edit a listing: pick one of your own services or items, title, description, price, photos. */
export function ListingForm({ options, initial }: { options: ListingFormOptions; initial?: ListingFormValues }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [kind, setKind] = useState<ListingKind>(initial?.kind ?? 'tool_rental');
  const [itemId, setItemId] = useState(initial?.itemId ?? '');
  const [serviceId, setServiceId] = useState(initial?.serviceId ?? '');
  const [photos, setPhotos] = useState<string[]>(initial?.photoIds ?? []);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const idempotencyKey = useMemo(() => `listing-${crypto.randomUUID()}`, []);

  const items = kind === 'service_package' ? [] : options.items.filter((i) => modesFor[kind].includes(i.mode));
  const item = options.items.find((i) => i.id === itemId);
  const service = options.services.find((s) => s.id === serviceId);
  const currency = item?.currency ?? service?.currency ?? 'GBP';
  const defaultPrice = initial?.priceMinor ?? (kind === 'service_package' ? service?.priceMinor : item?.salePriceMinor) ?? null;
  const approved = initial?.status === 'approved';

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setUploading(true);
    setError(null);
    const added: string[] = [];
    try {
      for (const f of Array.from(files).slice(0, MAX_LISTING_PHOTOS - photos.length)) {
        const fd = new FormData();
        fd.set('file', f);
        const r = await fetch('/api/v1/listings/photos', { method: 'POST', body: fd });
        const body = await r.json();
        if (!r.ok) {
          setError({ message: body?.detail ?? 'The photo could not be uploaded.', fieldErrors: { photos: [body?.detail ?? 'upload failed'] } });
          break;
        }
        added.push(body.fileId as string);
      }
    } catch {
      setError({ message: 'The photo could not be uploaded. Check your connection and try again.' });
    } finally {
      setPhotos((p) => [...p, ...added].slice(0, MAX_LISTING_PHOTOS));
      setUploading(false);
    }
  }

  return (
    <form
      className="grid max-w-2xl gap-4"
      onSubmit={(ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.currentTarget);
        const priceText = String(fd.get('price') ?? '');
        const priceMinor = kind === 'tool_rental' ? undefined : priceText.trim() === '' ? undefined : toMinorUnits(priceText, currency);
        if (priceMinor === null) {
          setError({ message: 'Check the price.', fieldErrors: { priceMinor: [`must be an amount like 12.50`] } });
          return;
        }
        const payload = {
          kind,
          title: String(fd.get('title') ?? ''),
          description: String(fd.get('description') ?? ''),
          categoryId: String(fd.get('categoryId') ?? '') || undefined,
          itemId: kind === 'service_package' ? undefined : itemId || undefined,
          serviceId: kind === 'service_package' ? serviceId || undefined : undefined,
          priceMinor,
          photoFileIds: photos,
        };
        setError(null);
        start(async () => {
          try {
            const r = initial?.id
              ? await updateListingAction({ ...payload, listingId: initial.id, expectedVersion: initial.version })
              : await createListingAction({ ...payload, idempotencyKey });
            if (r.ok) {
              router.push(`/provider/listings/${r.data.id}`);
              router.refresh();
            } else setError({ message: r.error.message, fieldErrors: r.error.fieldErrors });
          } catch {
            setError({ message: 'The listing could not be saved. Check your connection and try again.' });
          }
        });
      }}
    >
      {approved ? <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">This listing is live. Saving changes takes it off the marketplace until operations review it again.</p> : null}
      <FormField label="What are you listing?" name="kind" required error={error?.fieldErrors?.kind}>
        <Select value={kind} onChange={(e) => setKind(e.target.value as ListingKind)}>
          {listingKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
      </FormField>
      {kind === 'service_package' ? (
        <FormField label="Service" name="serviceId" required description="One of your active services; customers book it from the listing." error={error?.fieldErrors?.serviceId}>
          <Select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">Choose a service</option>
            {options.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({formatMinor(s.priceMinor, s.currency)})
              </option>
            ))}
          </Select>
        </FormField>
      ) : (
        <FormField
          label="Inventory item"
          name="itemId"
          required
          description={kind === 'tool_rental' ? 'Items you rent out (mode rental or hybrid). The listing shows the item’s daily rate.' : 'Items you sell (mode purchase or hybrid).'}
          error={error?.fieldErrors?.itemId}
        >
          <Select value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">{items.length ? 'Choose an item' : 'No items of a fitting mode — add one in Inventory'}</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} · {i.sku}
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <FormField label="Title" name="title" required error={error?.fieldErrors?.title}>
        <Input defaultValue={initial?.title ?? ''} minLength={3} maxLength={120} />
      </FormField>
      <FormField label="Description" name="description" error={error?.fieldErrors?.description}>
        <Textarea rows={4} maxLength={4000} defaultValue={initial?.description ?? ''} />
      </FormField>
      <FormField label="Category (optional)" name="categoryId" error={error?.fieldErrors?.categoryId}>
        <Select defaultValue={initial?.categoryId ?? ''}>
          <option value="">None</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      {kind === 'tool_rental' ? (
        <p className="text-sm text-muted">Price: {item?.dailyRateMinor != null ? `${formatMinor(item.dailyRateMinor, item.currency)} per day (the item’s daily rate)` : 'the item’s daily rate'}.</p>
      ) : (
        <FormField label={`Price (${currency})`} name="price" description="Leave empty to use the item’s sale price or the service’s price." error={error?.fieldErrors?.priceMinor}>
          <Input key={`${kind}-${itemId}-${serviceId}`} inputMode="decimal" defaultValue={toMajorText(defaultPrice, currency)} />
        </FormField>
      )}
      <FormField label={`Photos (up to ${MAX_LISTING_PHOTOS})`} name="photos" description="JPEG, PNG or WebP, at most 10 MB each." error={error?.fieldErrors?.photos ?? error?.fieldErrors?.photoFileIds}>
        <Input type="file" accept="image/jpeg,image/png,image/webp" multiple disabled={uploading || photos.length >= MAX_LISTING_PHOTOS} onChange={(e) => void upload(e.target.files)} />
      </FormField>
      {photos.length ? (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6" aria-label="Photos of this listing">
          {photos.map((id, i) => (
            <li key={id} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element -- the seller's own photo through the access-checked route */}
              <img src={photoUrl(id)} alt={`Photo ${i + 1}`} className="aspect-square w-full rounded border object-cover" />
              <button
                type="button"
                className="absolute top-1 right-1 grid size-8 place-items-center rounded-full bg-surface/90 shadow"
                onClick={() => setPhotos((p) => p.filter((x) => x !== id))}
                aria-label={`Remove photo ${i + 1}`}
              >
                <X aria-hidden="true" className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <FormError message={error.message} /> : null}
      <div>
        <Button type="submit" loading={pending} disabled={uploading}>
          {initial?.id ? 'Save changes' : 'Save draft'}
        </Button>
      </div>
    </form>
  );
}
