/**
 * The live feed as server-sent events. Every app instance LISTENs on the `custom_jobs` channel
 * (realtime.ts); for each change this stream re-reads the job for ITS provider and forwards it only
 * when that business may see it — a card (`posted` / `changed`) while the job is in its feed, a
 * `closed` once it left (cancelled, awarded, deadline) for a business that could see it. Nothing
 * about other jobs leaks. Heartbeat comments every 25 s keep proxies from closing the connection;
 * the stream ends after STREAM_MAX_MS so the browser reconnects and the session is checked again.
 */
import { db } from '@/db/client';
import { now } from '@/lib/core/clock';
import { logger } from '@/lib/core/logger';
import { feedItemFor, mayHearOf } from './queries';
import { listenJobChanges, type JobChange } from './realtime';

export const HEARTBEAT_MS = 25_000;
export const STREAM_MAX_MS = 15 * 60_000;

export interface FeedEvent {
  kind: 'posted' | 'changed' | 'closed';
  jobId: string;
  version: number;
  item: Awaited<ReturnType<typeof feedItemFor>>;
}

/** What one change means for one provider's feed (null: nothing to tell it). */
export async function feedEventFor(providerOrgId: string, change: JobChange, at: Date): Promise<FeedEvent | null> {
  const item = change.kind === 'closed' ? null : await feedItemFor(db(), providerOrgId, change.jobId, at);
  if (item) return { kind: change.kind, jobId: change.jobId, version: change.version, item };
  if (await mayHearOf(db(), providerOrgId, change.jobId, at)) return { kind: 'closed', jobId: change.jobId, version: change.version, item: null };
  return null;
}

export function openFeedStream(opts: { providerOrgId: string; signal: AbortSignal }): Response {
  const encoder = new TextEncoder();
  let closed = false;
  let stop: (() => Promise<void>) | null = null;
  let beat: ReturnType<typeof setInterval> | null = null;
  let limit: ReturnType<typeof setTimeout> | null = null;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    if (beat) clearInterval(beat);
    if (limit) clearTimeout(limit);
    stop?.().catch((err) => logger.warn({ err }, 'unlisten failed'));
    try {
      controllerRef?.close();
    } catch {
      /* already closed */
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      send(`retry: 5000\n: connected\n\n`);
      // Changes are handled one at a time, so a card never overtakes its own later version.
      let chain = Promise.resolve();
      const unlisten = await listenJobChanges((change) => {
        chain = chain
          .then(async () => {
            if (closed) return;
            const event = await feedEventFor(opts.providerOrgId, change, now());
            if (event) send(`event: job\nid: ${change.jobId}:${change.version}\ndata: ${JSON.stringify(event)}\n\n`);
          })
          .catch((err) => logger.warn({ err, jobId: change.jobId }, 'feed event failed'));
      });
      if (closed) {
        await unlisten();
        return;
      }
      stop = unlisten;
      send(`event: ready\ndata: {}\n\n`);
      beat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      limit = setTimeout(close, STREAM_MAX_MS);
      if (opts.signal.aborted) close();
      else opts.signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
