import type { Metadata } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { contracts } from '@/lib/api/contracts';
import { getActor } from '@/lib/core/auth/session';
import { toOpenApi } from '@/lib/core/route';

export const metadata: Metadata = { title: 'API reference' };

const methodTone = { get: 'info', post: 'success', put: 'warning', patch: 'warning', delete: 'danger' } as const;

/** A readable reference rendered on the server from the same document as /api/openapi.json. */
export default async function ApiDocsPage() {
  const actor = await getActor();
  const doc = toOpenApi(contracts, { title: 'Fixnado API', version: '1' });
  return (
    <>
      <SiteHeader actor={actor} />
      <main id="main" tabIndex={-1} className="mx-auto grid max-w-5xl gap-6 px-4 py-8">
        <PageHeader
          title="Fixnado API reference"
          description="Every route validates its input with the schema shown here. Errors are RFC 9457 problem details (application/problem+json) with a stable code."
          actions={
            <a href="/api/openapi.json" className="text-link underline underline-offset-4">
              OpenAPI document (JSON)
            </a>
          }
        />
        {Object.entries(doc.paths).map(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => {
            const o = op as { summary: string; tags: string[]; security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown>; 'x-permission'?: string };
            return (
              <section key={`${method} ${path}`} className="rounded-lg border border-border bg-surface p-4" aria-label={`${method.toUpperCase()} ${path}`}>
                <h2 className="flex flex-wrap items-center gap-2 font-mono text-sm font-semibold">
                  <Badge tone={methodTone[method as keyof typeof methodTone] ?? 'neutral'}>{method.toUpperCase()}</Badge>
                  {path}
                </h2>
                <p className="mt-2 text-sm">{o.summary}</p>
                <p className="mt-1 text-xs text-muted">
                  {o.security ? 'Requires a signed-in session' : 'Public'}
                  {o['x-permission'] ? ` · permission ${o['x-permission']}` : ''}
                </p>
                {o.requestBody ? (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium">Request body schema</summary>
                    <pre className="mt-2 overflow-x-auto rounded-md bg-surface-muted p-3 text-xs">{JSON.stringify(o.requestBody, null, 2)}</pre>
                  </details>
                ) : null}
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">Responses</summary>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-surface-muted p-3 text-xs">{JSON.stringify(o.responses, null, 2)}</pre>
                </details>
              </section>
            );
          }),
        )}
      </main>
    </>
  );
}
