'use client';

import Link from 'next/link';
import { useMemo, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from 'react';
import { FileUp } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/core/action';
import { demandLevels, type DemandLevel } from '@/lib/geo/types';
import { importZonesAction } from '@/lib/geo/zone-actions';
import { errorsFor, parseGeoJsonText } from './geojson-text';

interface FeatureProblem {
  index: number;
  name: string | null;
  field: string;
  messages: string[];
}

/** `features[3].geometry` → { index: 3, field: 'geometry' }; other keys are not per-feature. */
function featureProblems(fieldErrors: Record<string, string[]>, names: Array<string | null>): FeatureProblem[] {
  const out: FeatureProblem[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const m = /^features(?:\[(\d+)\]|\.(\d+))\.?(.*)$/.exec(key);
    if (!m) continue;
    const index = Number(m[1] ?? m[2]);
    out.push({ index, name: names[index] ?? null, field: m[3] || 'feature', messages });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * GeoJSON import: paste or upload, choose defaults for properties the features do not carry,
 * preview the count, import all-or-nothing. A failure lists each failing feature by number and name.
 */
export function ImportZonesForm({ scope, basePath, timeZones }: { scope: 'platform' | 'own'; basePath: string; timeZones: string[] }) {
  const [text, setText] = useState('');
  const [demandLevel, setDemandLevel] = useState<DemandLevel>('medium');
  const [timeZone, setTimeZone] = useState('Europe/London');
  const [currency, setCurrency] = useState('GBP');
  const [taxRegion, setTaxRegion] = useState('GB');
  const [status, setStatus] = useState<'draft' | 'active' | 'paused'>('draft');
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [created, setCreated] = useState<Array<{ id: string; name: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // One key per distinct import: a double submit imports once; a new text gets a new key.
  const idempotencyKey = useRef<{ text: string; key: string } | null>(null);

  const parsed = useMemo(() => parseGeoJsonText(text), [text]);
  const names = parsed.ok ? parsed.features.map((f) => f.name) : [];
  const preview = !text.trim()
    ? 'Nothing to import yet.'
    : parsed.ok
      ? `${parsed.features.length} ${parsed.features.length === 1 ? 'feature' : 'features'} found${
          parsed.features.some((f) => !f.geometry) ? `, ${parsed.features.filter((f) => !f.geometry).length} without a Polygon or MultiPolygon` : ''
        }.`
      : parsed.reason;

  async function onUpload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      setError({ message: 'The file is larger than 5 MB.', fieldErrors: {} });
      return;
    }
    setText(await file.text());
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setCreated(null);
    startTransition(async () => {
      let result: ActionResult<{ created: number; zoneIds: string[] }>;
      try {
        if (idempotencyKey.current?.text !== text) idempotencyKey.current = { text, key: crypto.randomUUID() };
        result = await importZonesAction({ scope, geojson: text, idempotencyKey: idempotencyKey.current.key, defaults: { demandLevel, timeZone, currency, taxRegion, status } });
      } catch {
        result = { ok: false, error: { code: 'INTERNAL', message: 'The import could not be sent. Check your connection and try again.' } };
      }
      if (result.ok) {
        const list = result.data.zoneIds.map((id, i) => ({ id, name: names[i] ?? `Feature ${i + 1}` }));
        setCreated(list);
        const { toast } = await import('@/components/ui/toast');
        toast.success(`Imported ${result.data.created} ${result.data.created === 1 ? 'zone' : 'zones'}`);
        requestAnimationFrame(() => resultRef.current?.focus());
        return;
      }
      setError({ message: result.error.message, fieldErrors: result.error.fieldErrors ?? {} });
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const problems = error ? featureProblems(error.fieldErrors, names) : [];
  const defaultsError = (f: string) => errorsFor(error?.fieldErrors, `defaults.${f}`);

  return (
    <div className="grid gap-6">
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <div ref={alertRef} tabIndex={-1} className="outline-none" data-testid="import-error">
          {error ? (
            <FormError message={error.message}>
              {problems.length ? (
                <ul className="mt-1 grid gap-1">
                  {problems.map((p) => (
                    <li key={`${p.index}:${p.field}`}>
                      <strong>
                        Feature {p.index + 1}
                        {p.name ? ` “${p.name}”` : ''}
                      </strong>{' '}
                      ({p.field}): {p.messages.join('; ')}
                    </li>
                  ))}
                </ul>
              ) : null}
            </FormError>
          ) : null}
        </div>
        <FormField
          label="GeoJSON"
          name="geojson"
          required
          description="A FeatureCollection, a single Feature or a bare Polygon/MultiPolygon. Feature properties (name, demandLevel, timeZone, currency, taxRegion, status, priority) override the defaults below; priority is 0 when absent. Either every feature is imported or none is."
          error={errorsFor(error?.fieldErrors, 'geojson')}
        >
          <Textarea rows={12} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="font-mono text-sm" />
        </FormField>
        <p className="text-sm" role="status" data-testid="import-preview">
          {preview}
        </p>
        <div className="grid gap-1.5">
          <label htmlFor="import-upload" className="text-sm font-medium">
            Upload .geojson
          </label>
          <input
            id="import-upload"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={onUpload}
            className="min-w-0 text-sm file:me-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
        <fieldset className="grid gap-3 rounded-lg border p-3">
          <legend className="px-1 text-sm font-semibold">Defaults for features without these properties</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <FormField label="Demand level" name="demandLevel" error={defaultsError('demandLevel')}>
              <Select value={demandLevel} onChange={(e) => setDemandLevel(e.target.value as DemandLevel)}>
                {demandLevels.map((d) => (
                  <option key={d} value={d}>
                    {d.charAt(0).toUpperCase() + d.slice(1)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label="Time zone" name="timeZone" error={defaultsError('timeZone')}>
              <Select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {timeZones.map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label="Status" name="status" error={defaultsError('status')}>
              <Select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
                <option value="draft">Draft</option>
                <option value="active">Active</option>
                <option value="paused">Paused</option>
              </Select>
            </FormField>
            <FormField label="Currency" name="currency" error={defaultsError('currency')}>
              <Input value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} className="uppercase" autoComplete="off" />
            </FormField>
            <FormField label="Tax region" name="taxRegion" error={defaultsError('taxRegion')}>
              <Input value={taxRegion} onChange={(e) => setTaxRegion(e.target.value)} maxLength={6} className="uppercase" autoComplete="off" />
            </FormField>
          </div>
        </fieldset>
        <div>
          <Button type="submit" loading={pending} disabled={!text.trim()}>
            <FileUp aria-hidden="true" />
            Import zones
          </Button>
        </div>
      </form>

      {created ? (
        <section aria-labelledby="import-result" className="grid gap-2 rounded-lg border p-4">
          <h2 id="import-result" ref={resultRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            Imported {created.length} {created.length === 1 ? 'zone' : 'zones'}
          </h2>
          <ul className="grid gap-1">
            {created.map((z) => (
              <li key={z.id}>
                <Link href={`${basePath}/${z.id}`} className="text-link underline underline-offset-4">
                  {z.name}
                </Link>
              </li>
            ))}
          </ul>
          <Link href={basePath} className="text-sm text-link underline underline-offset-4">
            Back to all zones
          </Link>
        </section>
      ) : null}
    </div>
  );
}
