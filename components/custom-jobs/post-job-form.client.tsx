'use client';

import { MapPin } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PlaceSearch } from '@/components/explorer/place-search';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { majorToMinor, problemFieldErrors, toLocalInput } from './format';
import { PhotoPicker, type PickedPhoto } from './photo-picker.client';

export interface PostJobFormProps {
  categories: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string }>;
  addresses: Array<{ id: string; label: string; addressLine: string; lon: number; lat: number }>;
  currencies: string[];
}

const MAX_INVITES = 20;
/** Form control name → the field the server names in its errors. */
const FIELD_OF: Record<string, string> = { budgetMin: 'budgetMinMinor', budgetMax: 'budgetMaxMinor', deadline: 'bidDeadline', savedAddress: 'location', inviteOnly: 'invitedProviderIds' };
const DESCRIPTION_MAX = 5000;

/**
 * The "post a custom job" form: every rule is checked on submit here for a quick answer, and again
 * by the server, whose field errors land under the same fields. One Idempotency-Key per attempt
 * (kept across a retry of the same form) so a double submit posts one job.
 */
export function PostJobForm({ categories, providers, addresses, currencies }: PostJobFormProps) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [point, setPoint] = useState<{ lon: number; lat: number; place: string } | null>(null);
  const [addressLine, setAddressLine] = useState('');
  const [description, setDescription] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [inviteFilter, setInviteFilter] = useState('');
  const [currency, setCurrency] = useState(currencies[0] ?? 'GBP');
  const errorRef = useRef<HTMLDivElement>(null);
  const key = useRef<string | null>(null);
  const deadlineRef = useRef<HTMLInputElement>(null);
  // A week from now in the browser's own time zone (the server cannot know it, so it is set after mount).
  useEffect(() => {
    if (deadlineRef.current && !deadlineRef.current.value) deadlineRef.current.value = toLocalInput(new Date(Date.now() + 7 * 24 * 3_600_000));
  }, []);
  const shownProviders = providers.filter((p) => p.name.toLowerCase().includes(inviteFilter.trim().toLowerCase())).slice(0, 50);

  // A field's error goes away as soon as the person changes that field.
  const clearFieldError = (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    const field = FIELD_OF[name] ?? name;
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const local: Record<string, string> = {};
    const title = String(f.get('title') ?? '').trim();
    if (title.length < 5) local.title = 'Enter at least 5 characters.';
    if (description.trim().length < 20) local.description = 'Describe the job in at least 20 characters.';
    if (description.length > DESCRIPTION_MAX) local.description = `At most ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters.`;
    if (!f.get('categoryId')) local.categoryId = 'Choose a category.';
    if (!point) local.location = 'Choose where the job is: search for a place or pick a saved address.';
    if (addressLine.trim().length < 3) local.addressLine = 'Enter the address (at least 3 characters).';
    const min = majorToMinor(String(f.get('budgetMin') ?? ''), currency);
    const max = majorToMinor(String(f.get('budgetMax') ?? ''), currency);
    if (min === null) local.budgetMinMinor = 'Enter an amount, e.g. 50 or 49.99.';
    if (max === null) local.budgetMaxMinor = 'Enter an amount, e.g. 120.';
    else if (min !== null && max < min) local.budgetMaxMinor = 'Must be at least the minimum.';
    const deadlineLocal = String(f.get('deadline') ?? '');
    const deadline = deadlineLocal ? new Date(deadlineLocal) : null;
    if (!deadline || Number.isNaN(deadline.getTime())) local.bidDeadline = 'Choose when bids close.';
    else if (deadline.getTime() <= Date.now()) local.bidDeadline = 'Must be in the future.';
    else if (deadline.getTime() > Date.now() + 60 * 24 * 3_600_000) local.bidDeadline = 'Must be within 60 days.';
    const inviteOnly = f.get('inviteOnly') === 'on';
    if (inviteOnly && !invited.length) local.invitedProviderIds = 'Invite at least one provider for an invite-only job.';
    setErrors(local);
    if (Object.keys(local).length) {
      setFormError('Please correct the highlighted fields.');
      errorRef.current?.focus();
      return;
    }
    const body = new FormData();
    body.set('title', title);
    body.set('description', description.trim());
    body.set('categoryId', String(f.get('categoryId')));
    body.set('lon', String(point!.lon));
    body.set('lat', String(point!.lat));
    body.set('addressLine', addressLine.trim());
    body.set('outOfZoneAllowed', f.get('outOfZoneAllowed') === 'on' ? 'true' : 'false');
    body.set('budgetMinMinor', String(min));
    body.set('budgetMaxMinor', String(max));
    body.set('currency', currency);
    body.set('bidDeadline', deadline!.toISOString());
    body.set('inviteOnly', inviteOnly ? 'true' : 'false');
    for (const id of invited) body.append('invitedProviderIds', id);
    for (const p of photos) body.append('photos', p.file, p.file.name);
    key.current ??= crypto.randomUUID();
    setBusy(true);
    setFormError(null);
    try {
      const res = await fetch('/api/v1/jobs', { method: 'POST', body, headers: { 'idempotency-key': key.current } });
      const json = await res.json().catch(() => null);
      if (!res.ok) {
        // A refused request changed nothing: the next attempt may use a new key.
        key.current = null;
        setErrors(problemFieldErrors(json));
        setFormError(json?.detail ?? 'The job could not be posted. Try again.');
        errorRef.current?.focus();
        return;
      }
      router.push(json.href);
    } catch {
      setFormError('We could not reach Fixnado. Check your connection and try again; your job was not posted twice.');
      errorRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} onChange={clearFieldError} className="grid max-w-2xl gap-5" aria-label="Post a custom job">
      <FormAlert message={formError} errorRef={errorRef} />
      <FormField label="Title" name="title" required error={errors.title} description="What needs doing, in a few words.">
        <Input maxLength={120} autoComplete="off" />
      </FormField>
      <FormField label="Description" name="description" required error={errors.description} description={`${description.length.toLocaleString('en-GB')} / ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters (at least 20).`}>
        <Textarea rows={6} value={description} onChange={(e) => setDescription(e.target.value)} />
      </FormField>
      <FormField label="Category" name="categoryId" required error={errors.categoryId}>
        <Select placeholder="Choose a category" defaultValue="">
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>

      <fieldset className="grid gap-3 rounded-lg border p-3 sm:p-4" aria-describedby={errors.location ? 'location-error' : undefined}>
        <legend className="px-1 text-sm font-medium">Where</legend>
        <PlaceSearch
          onChoose={(p) => {
            setPoint({ lon: p.lon, lat: p.lat, place: p.name });
            setErrors(({ location: _, ...rest }) => rest);
          }}
        />
        {addresses.length ? (
          <div className="grid gap-1" role="radiogroup" aria-label="Saved addresses">
            <p className="text-sm font-medium">Or use a saved address</p>
            {addresses.map((a) => (
              <label key={a.id} className="flex min-h-10 cursor-pointer items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="savedAddress"
                  className="mt-1 size-4 accent-primary"
                  onChange={() => {
                    setPoint({ lon: a.lon, lat: a.lat, place: a.label });
                    setAddressLine(a.addressLine);
                  }}
                />
                <span>
                  <span className="font-medium">{a.label}</span> <span className="text-muted">{a.addressLine}</span>
                </span>
              </label>
            ))}
          </div>
        ) : null}
        <p className="flex items-center gap-2 text-sm" aria-live="polite" data-testid="job-location">
          <MapPin aria-hidden className="size-4 shrink-0" />
          {point ? `${point.place} (${point.lat.toFixed(4)}, ${point.lon.toFixed(4)})` : 'No place chosen yet.'}
        </p>
        {errors.location ? (
          <p id="location-error" role="alert" className="text-sm text-danger">
            {errors.location}
          </p>
        ) : null}
        <FormField label="Address" name="addressLine" required error={errors.addressLine} description="House number, street and flat, as the provider should see it once awarded.">
          <Input value={addressLine} onChange={(e) => setAddressLine(e.target.value)} autoComplete="street-address" />
        </FormField>
        <Checkbox name="outOfZoneAllowed" label="Allow providers from outside our service zones" description="Needed when the place is outside every zone; any provider offering the category may then bid." />
      </fieldset>

      <fieldset className="grid gap-3 rounded-lg border p-3 sm:p-4">
        <legend className="px-1 text-sm font-medium">Budget</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField label="Currency" name="currency" error={errors.currency} description="Jobs in a zone use its currency.">
            <Select value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </FormField>
          <FormField label="From" name="budgetMin" required error={errors.budgetMinMinor}>
            <Input inputMode="decimal" autoComplete="off" placeholder="50" />
          </FormField>
          <FormField label="Up to" name="budgetMax" required error={errors.budgetMaxMinor}>
            <Input inputMode="decimal" autoComplete="off" placeholder="150" />
          </FormField>
        </div>
      </fieldset>

      <FormField label="Bids close" name="deadline" required error={errors.bidDeadline} description="Your local time; at most 60 days ahead.">
        <Input type="datetime-local" ref={deadlineRef} />
      </FormField>

      <fieldset className="grid gap-2 rounded-lg border p-3 sm:p-4">
        <legend className="px-1 text-sm font-medium">Invite providers (optional)</legend>
        <FormField label="Find a provider" name="inviteFilter" description={`${invited.length}/${MAX_INVITES} invited.`}>
          <Input value={inviteFilter} onChange={(e) => setInviteFilter(e.target.value)} autoComplete="off" />
        </FormField>
        <ul className="grid max-h-56 gap-0.5 overflow-y-auto" aria-label="Providers">
          {shownProviders.map((p) => (
            <li key={p.id}>
              <Checkbox
                label={p.name}
                checked={invited.includes(p.id)}
                disabled={!invited.includes(p.id) && invited.length >= MAX_INVITES}
                onChange={(e) => setInvited((cur) => (e.target.checked ? [...cur, p.id] : cur.filter((x) => x !== p.id)))}
              />
            </li>
          ))}
        </ul>
        <Checkbox name="inviteOnly" label="Invited providers only" description="Only the providers you invite see and bid on this job." />
        {errors.invitedProviderIds ? (
          <p role="alert" className="text-sm text-danger">
            {errors.invitedProviderIds}
          </p>
        ) : null}
      </fieldset>

      <PhotoPicker photos={photos} onChange={setPhotos} error={errors.photos} />

      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={busy}>
          Post job
        </Button>
      </div>
    </form>
  );
}
