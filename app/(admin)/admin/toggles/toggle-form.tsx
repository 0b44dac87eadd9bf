'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Pencil, Plus } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { setToggleAction } from '@/lib/toggles/actions';

export interface ToggleFormValues {
  key: string;
  description: string;
  enabled: boolean;
  rolloutPercent: number;
}

/** "New toggle" when `toggle` is absent, otherwise "Edit" for that toggle; the form lives in a dialog. */
export function ToggleFormDialog({ environment, toggle }: { environment: string; toggle?: ToggleFormValues }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {toggle ? (
          <Button variant="secondary" size="sm">
            <Pencil aria-hidden="true" />
            Edit<span className="sr-only"> {toggle.key}</span>
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" />
            New toggle
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{toggle ? <>Edit <code className="font-mono">{toggle.key}</code></> : 'New toggle'}</DialogTitle>
          <DialogDescription>Applies to the {environment} environment. The change is recorded in the audit log.</DialogDescription>
        </DialogHeader>
        <ToggleForm toggle={toggle} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ToggleForm({ toggle, onDone }: { toggle?: ToggleFormValues; onDone: () => void }) {
  const router = useRouter();
  const f = useActionForm(setToggleAction, {
    successMessage: (r) => (!r.changed ? 'Nothing changed' : r.created ? `Created ${r.toggle.key}` : `Saved ${r.toggle.key}`),
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  // After a failed submit React resets the form, so controls default to what was typed.
  const failed = f.error !== null;
  const kept = failed ? f.values : {};
  const enabled = failed ? kept.enabled === 'on' : (toggle?.enabled ?? false);
  const percent = kept.rolloutPercent ?? String(toggle?.rolloutPercent ?? 100);
  const description = kept.description ?? toggle?.description ?? '';

  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {toggle ? (
        <input type="hidden" name="key" value={toggle.key} />
      ) : (
        <FormField
          label="Key"
          name="key"
          required
          description="Lowercase letters, digits, dots, dashes or underscores, e.g. bookings.instant. It cannot be renamed later."
          error={f.fieldError('key')}
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            defaultValue={kept.key}
            key={`k${kept.key ?? ''}`}
            className="font-mono"
          />
        </FormField>
      )}
      <FormField label="Description" name="description" description="What the toggle controls, for the next person. Up to 300 characters." error={f.fieldError('description')}>
        <Textarea rows={3} maxLength={300} defaultValue={description} key={`d${description}`} />
      </FormField>
      <Checkbox
        name="enabled"
        label="On"
        description="When off, nobody gets the feature whatever the rollout."
        defaultChecked={enabled}
        key={`e${String(enabled)}`}
      />
      <FormField
        label="Rollout (%)"
        name="rolloutPercent"
        required
        description="Share of signed-in users who get the feature while it is on. Each person keeps their answer as you widen it. Visitors who are not signed in only get it at 100 %."
        error={f.fieldError('rolloutPercent')}
      >
        <Input type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={percent} key={`p${percent}`} className="max-w-32" />
      </FormField>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={f.pending}>
          {toggle ? 'Save changes' : 'Create toggle'}
        </Button>
      </DialogFooter>
    </form>
  );
}
