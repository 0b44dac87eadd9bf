'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger, DialogClose } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { minorToDecimal, currencyExponent } from '@/components/explorer/format';
import { majorToMinor, problemFieldErrors, toLocalInput } from './format';
import { PhotoPicker, type PickedPhoto } from './photo-picker.client';

export interface EditableJob {
  id: string;
  title: string;
  description: string;
  budgetMinMinor: number;
  budgetMaxMinor: number;
  currency: string;
  bidDeadline: string;
  status: string;
  version: number;
  photos: Array<{ fileId: string; url: string; originalName: string }>;
}

async function send(url: string, init: RequestInit): Promise<{ ok: boolean; status: number; json: { detail?: string; errors?: Record<string, string[]> } | null }> {
  try {
    const res = await fetch(url, init);
    return { ok: res.ok, status: res.status, json: await res.json().catch(() => null) };
  } catch {
    return { ok: false, status: 0, json: { detail: 'We could not reach Fixnado. Check your connection and try again.' } };
  }
}

/** Edit / extend the deadline / cancel — the posting customer's actions on a job before award. */
export function JobActions({ job }: { job: EditableJob }) {
  const canEdit = job.status === 'open';
  const canChange = job.status === 'open' || job.status === 'closed';
  if (!canChange) return null;
  return (
    <div className="flex flex-wrap gap-2" aria-label="Job actions">
      {canEdit ? <EditJobDialog job={job} /> : null}
      <ExtendDialog job={job} />
      <CancelDialog job={job} />
    </div>
  );
}

function EditJobDialog({ job }: { job: EditableJob }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [remove, setRemove] = useState<string[]>([]);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const exp = currencyExponent(job.currency);
  const msgRef = useRef<HTMLParagraphElement>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const min = majorToMinor(String(f.get('budgetMin')), job.currency);
    const max = majorToMinor(String(f.get('budgetMax')), job.currency);
    const local: Record<string, string> = {};
    if (min === null) local.budgetMinMinor = 'Enter an amount.';
    if (max === null) local.budgetMaxMinor = 'Enter an amount.';
    else if (min !== null && max < min) local.budgetMaxMinor = 'Must be at least the minimum.';
    const deadline = new Date(String(f.get('deadline')));
    if (Number.isNaN(deadline.getTime())) local.bidDeadline = 'Choose when bids close.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const body = new FormData();
    body.set('version', String(job.version));
    body.set('title', String(f.get('title')));
    body.set('description', String(f.get('description')));
    body.set('budgetMinMinor', String(min));
    body.set('budgetMaxMinor', String(max));
    body.set('bidDeadline', deadline.toISOString());
    for (const id of remove) body.append('removePhotoIds', id);
    for (const p of photos) body.append('photos', p.file, p.file.name);
    setBusy(true);
    const r = await send(`/api/v1/jobs/${job.id}`, { method: 'PATCH', body });
    setBusy(false);
    if (!r.ok) {
      setErrors(problemFieldErrors(r.json));
      setStale(r.status === 409);
      setMessage(r.json?.detail ?? 'The job could not be saved.');
      msgRef.current?.focus();
      return;
    }
    toast.success('Job updated; bidders have been told.');
    setOpen(false);
    setPhotos([]);
    setRemove([]);
    router.refresh();
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit job</Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Edit job</DialogTitle>
          <DialogDescription>Bidders see the changes and are notified. The category and location stay as posted.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="grid gap-4">
          {message ? (
            <p ref={msgRef} tabIndex={-1} role="alert" className="text-sm text-danger">
              {message}{' '}
              {stale ? (
                <button type="button" className="underline" onClick={() => router.refresh()}>
                  Reload the latest version
                </button>
              ) : null}
            </p>
          ) : null}
          <FormField label="Title" name="title" required error={errors.title}>
            <Input defaultValue={job.title} maxLength={120} />
          </FormField>
          <FormField label="Description" name="description" required error={errors.description}>
            <Textarea rows={5} defaultValue={job.description} />
          </FormField>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label={`Budget from (${job.currency})`} name="budgetMin" required error={errors.budgetMinMinor}>
              <Input inputMode="decimal" defaultValue={minorToDecimal(job.budgetMinMinor, exp)} />
            </FormField>
            <FormField label={`Budget up to (${job.currency})`} name="budgetMax" required error={errors.budgetMaxMinor}>
              <Input inputMode="decimal" defaultValue={minorToDecimal(job.budgetMaxMinor, exp)} />
            </FormField>
          </div>
          <FormField label="Bids close" name="deadline" required error={errors.bidDeadline} description="Your local time; at most 60 days ahead.">
            <Input type="datetime-local" defaultValue={toLocalInput(new Date(job.bidDeadline))} />
          </FormField>
          {job.photos.length ? (
            <fieldset className="grid gap-1">
              <legend className="text-sm font-medium">Remove photos</legend>
              {job.photos.map((p, i) => (
                <Checkbox
                  key={p.fileId}
                  label={`Photo ${i + 1}: ${p.originalName}`}
                  checked={remove.includes(p.fileId)}
                  onChange={(e) => setRemove((cur) => (e.target.checked ? [...cur, p.fileId] : cur.filter((x) => x !== p.fileId)))}
                />
              ))}
            </fieldset>
          ) : null}
          <PhotoPicker label="Add photos" photos={photos} onChange={setPhotos} max={Math.max(0, 6 - job.photos.length + remove.length)} error={errors.photos} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Keep as is</Button>
            </DialogClose>
            <Button type="submit" loading={busy}>
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ExtendDialog({ job }: { job: EditableJob }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion] = useState(() => new Date(Math.max(new Date(job.bidDeadline).getTime(), Date.now()) + 3 * 24 * 3_600_000));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = new Date(String(new FormData(e.currentTarget).get('deadline')));
    if (Number.isNaN(value.getTime())) return setError('Choose a date and time.');
    setBusy(true);
    const r = await send(`/api/v1/jobs/${job.id}/extend-deadline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bidDeadline: value.toISOString() }) });
    setBusy(false);
    if (!r.ok) return setError(r.json?.errors?.bidDeadline?.join(' ') ?? r.json?.detail ?? 'The deadline could not be changed.');
    toast.success(job.status === 'closed' ? 'Bids are open again.' : 'Deadline extended.');
    setOpen(false);
    router.refresh();
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{job.status === 'closed' ? 'Reopen for bids' : 'Extend deadline'}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{job.status === 'closed' ? 'Reopen for bids' : 'Extend the bid deadline'}</DialogTitle>
          <DialogDescription>Later than the current deadline and at most 60 days from now.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="grid gap-4">
          <FormField label="New deadline" name="deadline" required error={error}>
            <Input type="datetime-local" defaultValue={toLocalInput(suggestion)} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={busy}>
              Save deadline
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function CancelDialog({ job }: { job: EditableJob }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
    setBusy(true);
    const r = await send(`/api/v1/jobs/${job.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason }) });
    setBusy(false);
    if (!r.ok) return setError(r.json?.detail ?? 'The job could not be cancelled.');
    toast.success('Job cancelled; bidders have been told.');
    setOpen(false);
    router.refresh();
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Cancel job</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this job?</DialogTitle>
          <DialogDescription>Every open bid is declined and its provider told. This cannot be undone.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="grid gap-4">
          <FormField label="Reason (optional)" name="reason" error={error}>
            <Textarea rows={3} maxLength={500} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Keep the job</Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={busy}>
              Cancel job
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
