import type { Metadata } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { formatDateTime } from '@/lib/core/format-time';
import { listMailbox, type MailboxMessage } from '@/lib/notifications/mailbox';
import { localMailboxEnabled } from '@/lib/notifications/mail-transport';

export const metadata: Metadata = { title: 'Local mailbox' };


/** Renders links in plain-text mail as real links; everything else stays text (no HTML injection). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p} className="break-all text-link underline underline-offset-4">
            {p}
          </a>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const { to } = await searchParams;
  const ctx = await requestCtx();
  let messages: MailboxMessage[] = [];
  let denied: string | null = null;
  try {
    messages = await listMailbox(ctx.actor, { to });
  } catch (err) {
    if (!isAppError(err)) throw err;
    denied = err.message;
  }
  return (
    <>
      <SiteHeader actor={ctx.actor.kind === 'user' ? ctx.actor : null} />
      <main id="main" tabIndex={-1} className="mx-auto grid max-w-4xl gap-6 px-4 py-8">
        <PageHeader
          title="Local mailbox"
          description={
            localMailboxEnabled()
              ? 'No SMTP server is configured, so every email Fixnado sends is delivered here.'
              : 'An SMTP server is configured: emails go to real inboxes, not here.'
          }
        />
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label htmlFor="to" className="sr-only">
            Recipient
          </label>
          <Input id="to" name="to" type="email" placeholder="Filter by recipient" defaultValue={to} className="max-w-xs" />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
        {denied ? (
          <ErrorState title="Not available" message={denied} />
        ) : messages.length === 0 ? (
          <EmptyState title="No messages" description={to ? `Nothing was sent to ${to} yet.` : 'Nothing has been sent yet.'} />
        ) : (
          <ol className="grid gap-4" aria-label="Messages, newest first">
            {messages.map((m) => (
              <li key={m.id} className="rounded-lg border border-border bg-surface p-4">
                <article aria-labelledby={`subject-${m.id}`}>
                  <header className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id={`subject-${m.id}`} className="font-semibold">
                      {m.subject}
                    </h2>
                    <Badge tone={m.status === 'sent' ? 'success' : m.status === 'failed' ? 'danger' : 'info'}>{m.status}</Badge>
                  </header>
                  <p className="mt-1 text-sm text-muted">
                    To <span data-testid="mail-to">{m.to}</span> · {formatDateTime(m.createdAt)}
                  </p>
                  <pre className="mt-3 font-sans text-sm whitespace-pre-wrap" data-testid="mail-body">
                    <Linkified text={m.text} />
                  </pre>
                </article>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
