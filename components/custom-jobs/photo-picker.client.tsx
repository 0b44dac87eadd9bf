'use client';

import { ImagePlus, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from './format';

export const MAX_PHOTOS = 6;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface PickedPhoto {
  key: string;
  file: File;
  url: string;
}

/**
 * Photos with previews, sizes and a remove button each. The browser's type and size are checked
 * here for a quick answer; the server checks the real content again (a renamed PDF is refused).
 */
export function PhotoPicker({ photos, onChange, error, max = MAX_PHOTOS, label = 'Photos' }: { photos: PickedPhoto[]; onChange: (p: PickedPhoto[]) => void; error?: string; max?: number; label?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [local, setLocal] = useState<string | null>(null);
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const all = urls.current;
    return () => all.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...photos];
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      if (next.length >= max) {
        problems.push(`At most ${max} photos.`);
        break;
      }
      if (!TYPES.includes(file.type)) {
        problems.push(`${file.name}: choose a JPEG, PNG or WebP image.`);
        continue;
      }
      if (file.size > MAX_BYTES) {
        problems.push(`${file.name}: at most 10 MB (this one is ${formatBytes(file.size)}).`);
        continue;
      }
      const url = URL.createObjectURL(file);
      urls.current.add(url);
      next.push({ key: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`, file, url });
    }
    setLocal(problems.length ? problems.join(' ') : null);
    onChange(next);
    if (input.current) input.current.value = '';
  };

  const message = [local, error].filter(Boolean).join(' ');
  return (
    <fieldset className="grid gap-2" aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}>
      <legend className="text-sm font-medium">{label}</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        Up to {max} photos (JPEG, PNG or WebP, 10 MB each). {photos.length}/{max} chosen.
      </p>
      {photos.length ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label="Chosen photos">
          {photos.map((p, i) => (
            <li key={p.key} className="grid gap-1 rounded-md border bg-surface p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL preview */}
              <img src={p.url} alt={`Photo ${i + 1}: ${p.file.name}`} className="aspect-[4/3] w-full rounded object-cover" />
              <div className="flex items-center justify-between gap-1 text-xs">
                <span className="min-w-0 truncate" title={p.file.name}>
                  {p.file.name}
                </span>
                <span className="shrink-0 text-muted tabular-nums">{formatBytes(p.file.size)}</span>
              </div>
              <button
                type="button"
                className="inline-flex min-h-10 items-center justify-center gap-1 rounded-md border text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-ring"
                onClick={() => onChange(photos.filter((x) => x.key !== p.key))}
              >
                <X aria-hidden className="size-4" /> Remove<span className="sr-only"> photo {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {photos.length < max ? (
        <label
          htmlFor={`${id}-input`}
          className="inline-flex min-h-10 w-fit cursor-pointer items-center gap-2 rounded-md border border-dashed px-3 text-sm font-medium hover:bg-surface-muted has-focus-visible:outline-2 has-focus-visible:outline-ring"
        >
          <ImagePlus aria-hidden className="size-4" /> Add photos
          <input id={`${id}-input`} ref={input} type="file" name="photo-picker" accept={TYPES.join(',')} multiple className="sr-only" onChange={(e) => add(e.target.files)} />
        </label>
      ) : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
