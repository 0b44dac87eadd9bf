'use client';

import { useRef, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/core/action';

/**
 * A button that opens a dialog, optionally asks for a note, and runs one action. Used for unit
 * status changes, alert resolution and archiving. Errors stay in the dialog, focused for readers.
 */
export function ConfirmDialog<T>({
  trigger,
  triggerVariant = 'secondary',
  title,
  description,
  confirmLabel,
  danger = false,
  note,
  run,
  success,
}: {
  trigger: ReactNode;
  triggerVariant?: 'primary' | 'secondary' | 'ghost';
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  note?: { label: string; required: boolean; description?: string };
  run: (note: string) => Promise<ActionResult<T>>;
  success: string;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();
  const [text, setText] = useState('');
  const [pending, startTransition] = useTransition();
  const errorRef = useRef<HTMLDivElement>(null);
  const router = useRouter();

  function confirm(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await run(text);
        if (result.ok) {
          const { toast } = await import('@/components/ui/toast');
          toast.success(success);
          setOpen(false);
          setText('');
          router.refresh();
          return;
        }
        setError(result.error.message);
        const fe = result.error.fieldErrors;
        setFieldError(fe ? Object.values(fe)[0] : undefined);
      } catch {
        setError('The change could not be saved. Check your connection and try again.');
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size="sm">
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={confirm} className="grid gap-4" noValidate>
          {error ? (
            <div ref={errorRef} tabIndex={-1}>
              <FormError message={error} />
            </div>
          ) : null}
          {note ? (
            <FormField label={note.label} name="note" required={note.required} description={note.description} error={fieldError}>
              <Input value={text} onChange={(e) => setText(e.target.value)} maxLength={500} />
            </FormField>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending}>
              {pending ? 'Saving…' : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
