import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { listingKinds } from '@/lib/marketplace/policy';
import { kindLabels } from './format';

export interface BrowseParams {
  zone?: string;
  near?: string;
  mode?: string;
  kind?: string;
  category?: string;
  min?: string;
  max?: string;
  q?: string;
}

/**
 * The feed's filters as a plain GET form: every filter lives in the URL (shareable, back button
 * works) and it works without JavaScript and by keyboard. The location (zone / near) is kept.
 */
export function BrowseFilters({ params, categories }: { params: BrowseParams; categories: Array<{ slug: string; name: string }> }) {
  return (
    <form method="get" action="/marketplace" className="grid gap-3 rounded-lg border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter listings">
      {params.zone ? <input type="hidden" name="zone" value={params.zone} /> : null}
      {params.near ? <input type="hidden" name="near" value={params.near} /> : null}
      <FormField label="Search" name="q">
        <Input type="search" defaultValue={params.q ?? ''} placeholder="Drill, sand, ladder…" maxLength={100} />
      </FormField>
      <fieldset className="grid gap-1.5">
        <legend className="text-sm font-medium">Rent or buy</legend>
        <div className="flex flex-wrap gap-3 pt-1">
          {[
            ['', 'All'],
            ['rent', 'Rent'],
            ['buy', 'Buy'],
          ].map(([v, label]) => (
            <label key={v} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="mode" value={v} defaultChecked={(params.mode ?? '') === v} className="size-4" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField label="Kind" name="kind">
        <Select defaultValue={params.kind ?? ''}>
          <option value="">Any kind</option>
          {listingKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Category" name="category">
        <Select defaultValue={params.category ?? ''}>
          <option value="">Any category</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Min price (£)" name="min">
        <Input type="number" inputMode="numeric" min={0} step={1} defaultValue={params.min ?? ''} />
      </FormField>
      <FormField label="Max price (£)" name="max">
        <Input type="number" inputMode="numeric" min={0} step={1} defaultValue={params.max ?? ''} />
      </FormField>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/marketplace" className="flex min-h-10 items-center px-2 text-sm text-link underline underline-offset-4">
          Clear
        </Link>
      </div>
    </form>
  );
}
