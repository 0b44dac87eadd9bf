'use client';

import { useCallback, useId, useMemo, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Eraser, MousePointer2, Pentagon, Save, Upload } from 'lucide-react';
import { BaseMap } from '@/components/geo/base-map.client';
import { demandColours } from '@/components/geo/map-style';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/core/action';
import type { MapClientConfig } from '@/lib/geo/map-config';
import { demandLevels, type DemandLevel, type GeoJsonPolygon, type ZoneDetail } from '@/lib/geo/types';
import { slaKeys, type SlaKey } from '@/lib/geo/sla-defaults';
import { ZONE_PRIORITY_MAX, ZONE_PRIORITY_MIN } from '@/lib/geo/schemas';
import { createZoneAction, updateZoneAction } from '@/lib/geo/zone-actions';
import { boundsOf, errorsFor, firstGeometry, geometryText, joinPolygons, parseGeoJsonText, polygonsOf } from './geojson-text';
import { useZonesInView } from './neighbour-zones';
import { useTerraDraw, type DrawMode } from './use-terra-draw';

export type SlaDefaults = Record<SlaKey, number>;

const slaLabels: Record<SlaKey, string> = {
  acceptanceOnDemandMinutes: 'Acceptance, on-demand (min)',
  acceptanceScheduledMinutes: 'Acceptance, scheduled (min)',
  arrivalMinutes: 'Arrival (min)',
  completionMinutes: 'Completion (min)',
};

const demandLabels: Record<DemandLevel, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface ZoneEditorProps {
  /** platform = an operations zone; own = the signed-in provider's coverage area. */
  scope: 'platform' | 'own';
  /** Where the list lives (/admin/zones or /provider/zones); a saved zone opens at `${basePath}/${id}`. */
  basePath: string;
  mapConfig: MapClientConfig;
  timeZones: string[];
  slaDefaults: SlaDefaults;
  zone: ZoneDetail | null;
  canEdit: boolean;
  initialView: { longitude: number; latitude: number; zoom: number };
  /** Which zones to show faintly around the edited one. */
  neighbourScope: 'platform' | 'own' | 'all';
}

type FieldErrors = Record<string, string[]>;

/** Fields in on-screen order: focus goes to the first one with an error. */
const fieldOrder = ['name', 'demandLevel', 'timeZone', 'currency', 'taxRegion', 'status', 'priority', ...slaKeys.map((k) => `sla.${k}`), 'geometry'];

export function ZoneEditor(props: ZoneEditorProps) {
  const { zone, scope, basePath, canEdit, mapConfig } = props;
  const router = useRouter();
  const formId = useId();
  const idFor = (field: string) => `${formId}-${field.replace(/\./g, '-')}`;

  const [name, setName] = useState(zone?.name ?? '');
  const [demandLevel, setDemandLevel] = useState<DemandLevel>(zone?.demandLevel ?? 'medium');
  const [timeZone, setTimeZone] = useState(zone?.timeZone ?? 'Europe/London');
  const [currency, setCurrency] = useState(zone?.currency ?? 'GBP');
  const [taxRegion, setTaxRegion] = useState(zone?.taxRegion ?? 'GB');
  const [status, setStatus] = useState<'draft' | 'active' | 'paused'>(scope === 'platform' ? 'draft' : 'active');
  // Only platform zones compete to govern a booking, so only they show (and send) a priority.
  const [priority, setPriority] = useState(String(zone?.priority ?? 0));
  const [sla, setSla] = useState<Record<SlaKey, string>>(() => {
    const out = {} as Record<SlaKey, string>;
    for (const k of slaKeys) out[k] = zone && zone.sla.overridden.includes(k) ? String(zone.sla[k]) : '';
    return out;
  });
  const [geoText, setGeoText] = useState(() => geometryText(zone?.geometry ?? null));
  // Whether the outline last came from the map or the form (reported with a new zone, for analytics).
  const [via, setVia] = useState<'draw' | 'form'>('form');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // A double click or a retried request creates the zone once (the action replays the first result).
  const idempotencyKey = useRef<string | null>(null);

  const drawable = mapConfig.engine === 'maplibre' && canEdit;
  const draw = useTerraDraw({
    readOnly: !canEdit,
    onGeometry: useCallback((polygons: GeoJsonPolygon[]) => {
      setGeoText(geometryText(joinPolygons(polygons)));
      setVia('draw');
      setErrors((e) => (e.geometry ? { ...e, geometry: [] } : e));
    }, []),
  });
  const neighbours = useZonesInView(props.neighbourScope, zone?.id);

  const parsed = useMemo(() => parseGeoJsonText(geoText), [geoText]);
  const geometryPreview = parsed.ok
    ? parsed.features.length === 1
      ? parsed.features[0].geometry
        ? `${parsed.features[0].geometry.type} with ${polygonsOf(parsed.features[0].geometry).length} part(s)`
        : `A feature without a Polygon or MultiPolygon geometry (${parsed.features[0].geometryType ?? 'none'})`
      : `${parsed.features.length} features: a zone takes exactly one — use Import for several`
    : parsed.reason;

   
  const onMapLoad = (e: any) => {
    const map = e?.target;
    if (!map) return;
    const geometry = zone?.geometry ?? firstGeometry(geoText);
    if (geometry) {
      const b = boundsOf(geometry);
      if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, duration: 0, maxZoom: 15 });
    }
    neighbours.load(map);
    // On a plain maplibre map (also read-only, to show the shape); never on mapbox.
    if (mapConfig.engine === 'maplibre') void draw.attach(map, geometry ? polygonsOf(geometry) : []);
  };

  function onTextChange(value: string) {
    setGeoText(value);
    setVia('form');
    const geometry = firstGeometry(value);
    // Only a readable shape replaces the drawing: a half-typed edit must not wipe the map.
    if (geometry) draw.replace(polygonsOf(geometry));
    else if (value.trim() === '') draw.replace([]);
  }

  async function onUpload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      setErrors((x) => ({ ...x, geometry: ['The file is larger than 5 MB.'] }));
      return;
    }
    onTextChange(await file.text());
    textareaRef.current?.focus();
  }

  function slaPayload(): Record<SlaKey, number | null> | undefined {
    const out = {} as Record<SlaKey, number | null>;
    let any = false;
    for (const k of slaKeys) {
      const v = sla[k].trim();
      if (v !== '') {
        out[k] = Number(v);
        any = true;
      } else if (zone) {
        // Clearing a field on an existing zone goes back to the platform default.
        out[k] = null;
        any = true;
      }
    }
    return any ? out : undefined;
  }

  function focusFirstError(fieldErrors: FieldErrors) {
    const first = fieldOrder.find((f) => errorsFor(fieldErrors, f));
    const el = first ? document.getElementById(idFor(first)) : null;
    if (el) el.focus();
    else alertRef.current?.focus();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    setFormMessage(null);
    startTransition(async () => {
      const common = {
        name: name.trim(),
        demandLevel,
        timeZone,
        currency: currency.trim().toUpperCase(),
        taxRegion: taxRegion.trim().toUpperCase(),
        sla: slaPayload(),
        geometry: geoText,
        ...(scope === 'platform' ? { priority: priority.trim() } : {}),
      };
      let result: ActionResult<{ zoneId: string }>;
      try {
        result = zone
          ? await updateZoneAction({ zoneId: zone.id, version: zone.version, ...common })
          : await createZoneAction({ scope, status, via, idempotencyKey: (idempotencyKey.current ??= crypto.randomUUID()), ...common });
      } catch {
        result = { ok: false, error: { code: 'INTERNAL', message: 'The zone could not be saved. Check your connection and try again.' } };
      }
      if (result.ok) {
        setErrors({});
        const { toast } = await import('@/components/ui/toast');
        toast.success(zone ? `Saved ${common.name}` : `Created ${common.name}`);
        if (zone) router.refresh();
        else router.push(`${basePath}/${result.data.zoneId}`);
        return;
      }
      const fieldErrors = result.error.fieldErrors ?? {};
      setErrors(fieldErrors);
      // Field problems are shown beside their fields; the summary says what kind of failure it was.
      setFormMessage(result.error.message);
      requestAnimationFrame(() => focusFirstError(fieldErrors));
    });
  }

  const geometryErrors = errorsFor(errors, 'geometry');
  const slaErrors = (k: SlaKey) => errorsFor(errors, `sla.${k}`);

  function downloadGeoJson() {
    if (!zone) return;
    const feature = {
      type: 'Feature',
      properties: {
        id: zone.id,
        name: zone.name,
        demandLevel: zone.demandLevel,
        status: zone.status,
        timeZone: zone.timeZone,
        currency: zone.currency,
        taxRegion: zone.taxRegion,
        priority: zone.priority,
      },
      geometry: zone.geometry,
    };
    const blob = new Blob([JSON.stringify(feature, null, 2)], { type: 'application/geo+json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${zone.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'zone'}.geojson`;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const modeButton = (m: DrawMode, label: string, Icon: typeof Pentagon) => (
    <Button
      variant={draw.mode === m ? 'primary' : 'secondary'}
      size="sm"
      aria-pressed={draw.mode === m}
      disabled={!draw.ready}
      onClick={() => draw.setMode(draw.mode === m ? 'static' : m)}
    >
      <Icon aria-hidden="true" />
      {label}
    </Button>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <section aria-labelledby={`${formId}-map-heading`} className="grid min-w-0 content-start gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={`${formId}-map-heading`} className="text-lg font-semibold">
            Area
          </h2>
          {drawable ? (
            <div role="toolbar" aria-label="Drawing tools" className="flex flex-wrap gap-2">
              {modeButton('polygon', 'Draw polygon', Pentagon)}
              {modeButton('select', 'Edit', MousePointer2)}
              <Button variant="secondary" size="sm" disabled={!draw.ready} onClick={draw.clear}>
                <Eraser aria-hidden="true" />
                Clear
              </Button>
            </div>
          ) : null}
        </div>
        <div className="relative">
          <BaseMap
            config={mapConfig}
            initialView={props.initialView}
            ariaLabel={canEdit ? 'Zone drawing map' : 'Zone map'}
            className="h-[50vh] min-h-72 w-full overflow-hidden rounded-lg border lg:h-[60vh]"
            onLoad={onMapLoad}
            onMoveEnd={(e: { target: unknown }) => neighbours.load(e.target)}
          >
            {({ Source, Layer }) => (
              <Source id="neighbour-zones" type="geojson" data={neighbours.data as never}>
                <Layer
                  id="neighbour-fill"
                  type="fill"
                  paint={{
                    'fill-color': ['match', ['get', 'demandLevel'], 'high', demandColours.high, 'medium', demandColours.medium, demandColours.low],
                    'fill-opacity': 0.08,
                  }}
                />
                <Layer id="neighbour-line" type="line" paint={{ 'line-color': '#475569', 'line-width': 1, 'line-dasharray': [2, 2] }} />
              </Source>
            )}
          </BaseMap>
        </div>
        {geometryErrors ? (
          <FormError id={`${formId}-geometry-map-error`} message={geometryErrors} />
        ) : null}
        <p className="text-sm text-muted" aria-live="polite" data-testid="drawing-status">
          {!drawable
            ? mapConfig.engine === 'mapbox' && canEdit
              ? 'Drawing on the map is available with the built-in map engine only; edit the area as GeoJSON in the form.'
              : 'Neighbouring zones are outlined with dashes.'
            : draw.failed
              ? `Drawing is unavailable (${draw.failed}). Paste or upload GeoJSON instead.`
              : draw.mode === 'polygon'
                ? 'Click to add corners; click the first corner (or press Enter) to finish. Escape cancels.'
                : draw.mode === 'select'
                  ? 'Click the area to select it, then drag its corners. Drag a midpoint to add a corner; right-click a corner to remove it.'
                  : 'Choose “Draw polygon” to draw, or paste GeoJSON in the form. Neighbouring zones are outlined with dashes; shared edges are fine.'}
          {neighbours.error ? ' Neighbouring zones could not be loaded.' : ''}
        </p>
      </section>

      <form onSubmit={onSubmit} noValidate className="grid content-start gap-4" aria-labelledby={`${formId}-form-heading`}>
        <h2 id={`${formId}-form-heading`} className="text-lg font-semibold">
          Details
        </h2>
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <FormError message={formMessage ?? undefined} />
        </div>
        <fieldset disabled={!canEdit} className="grid gap-4">
          <FormField label="Name" name="name" required id={idFor('name')} error={errorsFor(errors, 'name')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoComplete="off" />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Demand level" name="demandLevel" required id={idFor('demandLevel')} error={errorsFor(errors, 'demandLevel')}>
              <Select value={demandLevel} onChange={(e) => setDemandLevel(e.target.value as DemandLevel)}>
                {demandLevels.map((d) => (
                  <option key={d} value={d}>
                    {demandLabels[d]}
                  </option>
                ))}
              </Select>
            </FormField>
            {zone ? null : (
              <FormField label="Status" name="status" id={idFor('status')} description="Only active zones are used in matching." error={errorsFor(errors, 'status')}>
                <Select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
                  <option value="draft">Draft</option>
                  <option value="active">Active</option>
                  <option value="paused">Paused</option>
                </Select>
              </FormField>
            )}
            <FormField label="Time zone" name="timeZone" required id={idFor('timeZone')} error={errorsFor(errors, 'timeZone')}>
              <Select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {props.timeZones.map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label="Currency" name="currency" required id={idFor('currency')} description="ISO 4217 code, e.g. GBP." error={errorsFor(errors, 'currency')}>
              <Input value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} autoComplete="off" spellCheck={false} className="uppercase" />
            </FormField>
            <FormField label="Tax region" name="taxRegion" required id={idFor('taxRegion')} description="e.g. GB or GB-SCT." error={errorsFor(errors, 'taxRegion')}>
              <Input value={taxRegion} onChange={(e) => setTaxRegion(e.target.value)} maxLength={6} autoComplete="off" spellCheck={false} className="uppercase" />
            </FormField>
            {scope === 'platform' ? (
              <FormField
                label="Priority"
                name="priority"
                id={idFor('priority')}
                description={`Where platform zones overlap, the highest governs a booking, then the smallest. ${ZONE_PRIORITY_MIN} to ${ZONE_PRIORITY_MAX}; default 0.`}
                error={errorsFor(errors, 'priority')}
              >
                <Input type="number" inputMode="numeric" min={ZONE_PRIORITY_MIN} max={ZONE_PRIORITY_MAX} step={1} value={priority} onChange={(e) => setPriority(e.target.value)} />
              </FormField>
            ) : null}
          </div>
          <fieldset className="grid gap-3 rounded-lg border p-3">
            <legend className="px-1 text-sm font-semibold">SLA targets</legend>
            <p className="text-sm text-muted">Leave a field empty to use the platform default shown in it.</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {slaKeys.map((k) => (
                <FormField key={k} label={slaLabels[k]} name={`sla.${k}`} id={idFor(`sla.${k}`)} error={slaErrors(k)}>
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    placeholder={String(props.slaDefaults[k])}
                    value={sla[k]}
                    onChange={(e) => setSla((s) => ({ ...s, [k]: e.target.value }))}
                  />
                </FormField>
              ))}
            </div>
          </fieldset>
          <FormField
            label="GeoJSON"
            name="geometry"
            required
            id={idFor('geometry')}
            description={
              <>
                Mirrors the map. Paste or type a Feature, a FeatureCollection with one feature, or a bare Polygon/MultiPolygon ([longitude, latitude]).{' '}
                <span data-testid="geojson-preview">{geometryPreview}.</span>
              </>
            }
            error={geometryErrors}
          >
            <Textarea
              ref={textareaRef}
              rows={10}
              value={geoText}
              onChange={(e) => onTextChange(e.target.value)}
              spellCheck={false}
              className="font-mono text-sm"
            />
          </FormField>
          <div className="grid gap-1.5">
            <label htmlFor={`${formId}-upload`} className="text-sm font-medium">
              Upload .geojson
            </label>
            <div className="flex items-center gap-2">
              <Upload aria-hidden="true" className="size-4 text-muted" />
              <input
                id={`${formId}-upload`}
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                onChange={onUpload}
                className="min-w-0 text-sm file:me-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5 file:text-sm"
              />
            </div>
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <Button type="submit" loading={pending}>
              <Save aria-hidden="true" />
              {zone ? 'Save changes' : 'Save zone'}
            </Button>
          ) : null}
          {zone ? (
            <Button variant="secondary" onClick={downloadGeoJson}>
              Download GeoJSON
            </Button>
          ) : null}
        </div>
        {canEdit ? null : <p className="text-sm text-muted">You can view this zone; editing it needs the zone management permission.</p>}
      </form>
    </div>
  );
}
