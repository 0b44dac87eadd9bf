'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import type { BidMessageWire } from '@/lib/bids/schemas';
import { readFailure } from './api';

/** A message with its time already formatted on the server (no hydration mismatch across time zones). */
export type ThreadMessage = BidMessageWire & { when: string };

/** A bid's Q&A: the messages so far and, while the conversation is open, a reply box. */
export function BidThread({ jobId, bidId, messages, canPost, otherParty }: { jobId: string; bidId: string; messages: ThreadMessage[]; canPost: boolean; otherParty: string }) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [error, setError] = useState<{ message: string; field?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/jobs/${jobId}/bids/${bidId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
      if (!res.ok) {
        const f = await readFailure(res);
        setError({ message: f.message, field: f.fieldErrors.body });
        return;
      }
      setBody('');
      router.refresh();
    } catch {
      setError({ message: 'The message could not be sent. Check your connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="grid gap-2" data-testid="bid-thread">
      <h4 id={headingId} className="text-sm font-semibold">
        Questions and answers
      </h4>
      {messages.length === 0 ? (
        <p className="text-sm text-muted">No messages yet.</p>
      ) : (
        <ol className="grid gap-2">
          {messages.map((m) => (
            <li key={m.id} className={`rounded-md p-2 text-sm ${m.mine ? 'bg-surface-muted' : 'border'}`}>
              <p className="text-xs text-muted">
                {m.mine ? 'You' : m.authorName} · <time dateTime={m.createdAt}>{m.when}</time>
              </p>
              <p className="whitespace-pre-line break-words">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canPost ? (
        <form onSubmit={send} className="grid gap-2">
          <FormField label={`Message to ${otherParty}`} name="body" error={error?.field}>
            <Textarea rows={2} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} required />
          </FormField>
          {error && !error.field ? <FormError message={error.message} /> : null}
          <Button type="submit" size="sm" variant="secondary" className="justify-self-start" disabled={busy || !body.trim()}>
            {busy ? 'Sending…' : 'Send'}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
