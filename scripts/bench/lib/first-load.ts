// First-load JS per page: every <script src="/_next/…"> and <link rel="modulepreload"/"preload"
// as="script" href="/_next/…"> in the server-rendered HTML, deduplicated, each fetched uncompressed
// and gzipped HERE with zlib level 9 (what Next's old "First Load JS" column used), plus the bytes the
// server itself actually sends with Accept-Encoding: gzip, for reference. `nomodule` scripts
// (legacy polyfills a modern browser skips) are listed but not counted.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fetchNoRedirect, round } from './util';

export interface PageSpec {
  group: string;
  path: string;
  /** Public pages carry the first-load target. */
  public: boolean;
  cookie?: string;
  /** Persona the cookie belongs to, for the report. */
  as?: string;
}

export interface PageWeight {
  group: string;
  path: string;
  as: string;
  public: boolean;
  status: number;
  scripts: number;
  rawBytes: number;
  /** zlib level 9 over each file, summed. */
  gzipBytes: number;
  /** What `next start` actually sent with Accept-Encoding: gzip, summed (its own compression level). */
  servedGzipBytes: number;
  /** Part of gzipBytes that is the framework runtime every page loads (build-manifest rootMainFiles). */
  frameworkGzipBytes: number;
  skippedNomodule: string[];
  files: { url: string; rawBytes: number; gzipBytes: number }[];
  error?: string;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

export function scriptUrls(html: string): { counted: string[]; nomodule: string[] } {
  const counted = new Set<string>();
  const nomodule = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1];
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (!src) continue;
    const url = decode(src);
    if (!url.startsWith('/_next/')) continue;
    if (/\bnomodule\b/i.test(attrs)) nomodule.add(url);
    else counted.add(url);
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1];
    const rel = /\brel="([^"]+)"/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    const as = /\bas="([^"]+)"/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    if (!(rel === 'modulepreload' || (rel === 'preload' && as === 'script'))) continue;
    const href = /\bhref="([^"]+)"/i.exec(attrs)?.[1];
    if (href && decode(href).startsWith('/_next/')) counted.add(decode(href));
  }
  for (const u of nomodule) counted.delete(u);
  return { counted: [...counted], nomodule: [...nomodule] };
}

/** Bytes on the wire for a gzip-accepting client (no decompression). */
function servedGzipSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' }, timeout: 30_000 }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout fetching ${url}`)));
    req.on('error', reject);
  });
}

/** The framework runtime chunks every app page loads, from <distDir>/build-manifest.json. */
export function frameworkFiles(distPath: string): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distPath, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
    return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
  } catch {
    return new Set();
  }
}

export async function measureFirstLoad(baseUrl: string, pages: PageSpec[], framework: Set<string> = new Set()): Promise<PageWeight[]> {
  const cache = new Map<string, Promise<{ rawBytes: number; gzipBytes: number; servedGzipBytes: number }>>();
  const asset = (url: string) => {
    let entry = cache.get(url);
    if (!entry) {
      entry = (async () => {
        const res = await fetchNoRedirect(`${baseUrl}${url}`, { headers: { 'accept-encoding': 'identity' } });
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
        const buf = Buffer.from(await res.arrayBuffer());
        return { rawBytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length, servedGzipBytes: await servedGzipSize(`${baseUrl}${url}`) };
      })();
      cache.set(url, entry);
    }
    return entry;
  };
  const out: PageWeight[] = [];
  for (const page of pages) {
    const base: PageWeight = {
      group: page.group,
      path: page.path,
      as: page.as ?? 'anonymous',
      public: page.public,
      status: 0,
      scripts: 0,
      rawBytes: 0,
      gzipBytes: 0,
      servedGzipBytes: 0,
      frameworkGzipBytes: 0,
      skippedNomodule: [],
      files: [],
    };
    try {
      const res = await fetchNoRedirect(`${baseUrl}${page.path}`, {
        headers: { accept: 'text/html', 'accept-encoding': 'identity', ...(page.cookie ? { cookie: page.cookie } : {}) },
      });
      base.status = res.status;
      const html = await res.text();
      if (res.status !== 200) {
        base.error = `HTTP ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}: not the page itself, not counted`;
        out.push(base);
        continue;
      }
      const { counted, nomodule } = scriptUrls(html);
      base.skippedNomodule = nomodule;
      for (const url of counted) {
        const a = await asset(url);
        base.files.push({ url, rawBytes: a.rawBytes, gzipBytes: a.gzipBytes });
        base.rawBytes += a.rawBytes;
        base.gzipBytes += a.gzipBytes;
        base.servedGzipBytes += a.servedGzipBytes;
        if (framework.has(url.split('?')[0])) base.frameworkGzipBytes += a.gzipBytes;
      }
      base.scripts = counted.length;
      if (!counted.length) base.error = 'no /_next/ scripts found in the HTML (parser out of date?)';
    } catch (err) {
      base.error = (err as Error).message;
    }
    out.push(base);
  }
  return out;
}

export const kB = (bytes: number) => round(bytes / 1000, 1);
