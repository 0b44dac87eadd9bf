'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { ClipboardCheck, MinusCircle, PackagePlus, SlidersHorizontal } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { recordMoveAction } from '@/lib/inventory/actions';
import type { ConsoleMoveKind } from '@/lib/inventory/schemas';

export interface StockItemView {
  id: string;
  sku: string;
  tracking: 'serialised' | 'bulk';
  onHand: number;
  reserved: number;
}

export interface UnitChoice {
  id: string;
  serial: string;
  status: string;
  soldOrderReference?: string | null;
}

const copy: Record<ConsoleMoveKind, { title: string; verb: string; Icon: typeof PackagePlus; describe: (i: StockItemView) => string }> = {
  receive: { title: 'Receive stock', verb: 'Receive', Icon: PackagePlus, describe: (i) => (i.tracking === 'serialised' ? 'New units join stock, one per serial number.' : `Adds to the ${i.onHand} on hand.`) },
  adjust: { title: 'Adjust stock', verb: 'Adjust', Icon: SlidersHorizontal, describe: (i) => `Corrects the ${i.onHand} on hand up or down; say why.` },
  write_off: { title: 'Write off stock', verb: 'Write off', Icon: MinusCircle, describe: (i) => (i.tracking === 'serialised' ? 'Retires one unit for good (lost, stolen, broken beyond repair).' : `Removes lost or broken stock from the ${i.onHand} on hand.`) },
  count: { title: 'Cycle count', verb: 'Count', Icon: ClipboardCheck, describe: (i) => `Records what is on the shelf. The system expects ${i.onHand}; any difference is booked as a count move.` },
};

function MoveForm({ item, kind, units, onDone }: { item: StockItemView; kind: ConsoleMoveKind; units: UnitChoice[]; onDone: () => void }) {
  const router = useRouter();
  const [key] = useState(() => crypto.randomUUID());
  const f = useActionForm(recordMoveAction, {
    successMessage: (d) => `${item.sku}: ${d.item.onHand} on hand`,
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const v = (name: string, fallback = '') => f.values[name] ?? fallback;
  const serialised = item.tracking === 'serialised';
  const retirable = units.filter((u) => u.status === 'in_stock' || u.status === 'maintenance');
  let fields: ReactNode;
  if (kind === 'receive') {
    fields = serialised ? (
      <FormField label="Serial numbers" name="serials" required error={f.fieldError('serials')} description="One per line or comma-separated.">
        <Textarea defaultValue={v('serials')} rows={3} />
      </FormField>
    ) : (
      <FormField label="Quantity received" name="quantity" required error={f.fieldError('quantity')}>
        <Input type="number" inputMode="numeric" min={1} defaultValue={v('quantity')} />
      </FormField>
    );
  } else if (kind === 'adjust') {
    fields = (
      <FormField label="Change" name="quantity" required error={f.fieldError('quantity')} description="Negative to remove, e.g. −2; positive to add.">
        <Input type="number" inputMode="numeric" defaultValue={v('quantity')} />
      </FormField>
    );
  } else if (kind === 'write_off') {
    fields = serialised ? (
      <FormField label="Unit" name="unitId" required error={f.fieldError('unitId')}>
        <Select defaultValue={v('unitId')} placeholder="Choose a unit">
          {retirable.map((u) => (
            <option key={u.id} value={u.id}>
              {u.serial} ({u.status.replace('_', ' ')})
            </option>
          ))}
        </Select>
      </FormField>
    ) : (
      <FormField label="Quantity written off" name="quantity" required error={f.fieldError('quantity')}>
        <Input type="number" inputMode="numeric" min={1} defaultValue={v('quantity')} />
      </FormField>
    );
  } else {
    fields = (
      <FormField label="Counted quantity" name="countedQty" required error={f.fieldError('countedQty')} description={`Expected ${item.onHand} on hand.`}>
        <Input type="number" inputMode="numeric" min={0} defaultValue={v('countedQty')} />
      </FormField>
    );
  }
  const reasonRequired = kind !== 'receive';
  return (
    <form action={f.formAction} className="grid gap-4" noValidate key={JSON.stringify(f.values)}>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="idempotencyKey" value={key} />
      {fields}
      <FormField label={reasonRequired ? 'Reason' : 'Note'} name="reason" required={reasonRequired} error={f.fieldError('reason')} description={reasonRequired ? 'Kept in the move history and the audit log.' : 'Optional, e.g. the supplier delivery note.'}>
        <Input defaultValue={v('reason')} maxLength={500} />
      </FormField>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={f.pending}>
          {f.pending ? 'Saving…' : copy[kind].verb}
        </Button>
      </DialogFooter>
    </form>
  );
}

function MoveDialog({ item, kind, units }: { item: StockItemView; kind: ConsoleMoveKind; units: UnitChoice[] }) {
  const [open, setOpen] = useState(false);
  const c = copy[kind];
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={kind === 'receive' ? 'primary' : 'secondary'} size="sm">
          <c.Icon aria-hidden="true" />
          {c.verb}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {c.title}: {item.sku}
          </DialogTitle>
          <DialogDescription>{c.describe(item)}</DialogDescription>
        </DialogHeader>
        {open ? <MoveForm item={item} kind={kind} units={units} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

/** Receive / adjust / write-off / count. Serialised items adjust per unit (see the units list). */
export function StockActions({ item, units }: { item: StockItemView; units: UnitChoice[] }) {
  const kinds: ConsoleMoveKind[] = item.tracking === 'serialised' ? ['receive', 'write_off', 'count'] : ['receive', 'adjust', 'write_off', 'count'];
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Stock moves">
      {kinds.map((k) => (
        <MoveDialog key={k} item={item} kind={k} units={units} />
      ))}
    </div>
  );
}
