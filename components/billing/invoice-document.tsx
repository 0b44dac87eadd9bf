import { formatInZone, formatMinor } from '@/components/booking/format';
import type { InvoiceDoc } from '@/lib/billing/queries';
import type { PartySnapshot } from '@/lib/billing/schemas';
import { subjectLabel } from '@/lib/billing/subject';

export function formatRateBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}

function Party({ heading, party, note }: { heading: string; party: PartySnapshot; note?: string }) {
  return (
    <div className="grid content-start gap-0.5 break-words">
      <h3 className="font-semibold">{heading}</h3>
      <p>{party.legalName}</p>
      {party.addressLines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {party.vatNumber ? <p>VAT number: {party.vatNumber}</p> : null}
      {party.companyNumber ? <p>Company number: {party.companyNumber}</p> : null}
      {party.email ? <p>{party.email}</p> : null}
      {note ? <p className="text-muted print:text-black">{note}</p> : null}
    </div>
  );
}

/**
 * One issued document exactly as it was snapshotted: numbers, parties, lines and totals come from
 * the invoice row, never from the booking, order or rental or the current profiles.
 */
export function InvoiceDocument({ doc, timeZone, serviceAddress }: { doc: InvoiceDoc; timeZone: string; serviceAddress?: string }) {
  const credit = doc.kind === 'credit_note';
  const m = (v: number | bigint) => formatMinor(Number(v), doc.currency);
  const titleId = `doc-${doc.id}`;
  // A rental's settlement charges carry no VAT: the total then names no single rate.
  const mixedRates = doc.lines.some((l) => l.taxRateBp !== doc.taxRateBp);
  return (
    <article
      className="invoice-doc mx-auto grid w-full max-w-3xl gap-6 rounded-lg border bg-surface p-4 text-fg sm:p-8 print:break-after-page print:border-0 print:bg-white print:p-0 print:text-black"
      aria-labelledby={titleId}
      data-testid={credit ? 'credit-note' : 'invoice'}
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <h2 id={titleId} className="text-2xl font-semibold">
            {credit ? 'Credit note' : 'VAT invoice'} {doc.number}
          </h2>
          {doc.reference ? (
            <p className="text-sm" data-testid="invoice-subject">
              {subjectLabel[doc.subjectKind]} {doc.reference}
            </p>
          ) : null}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-muted print:text-black">Number</dt>
          <dd data-testid="invoice-number">{doc.number}</dd>
          <dt className="text-muted print:text-black">Tax point</dt>
          <dd>{formatInZone(doc.issuedAt.toISOString(), timeZone)}</dd>
          <dt className="text-muted print:text-black">Currency</dt>
          <dd>{doc.currency}</dd>
        </dl>
      </header>
      <section aria-label="Parties" className="grid gap-4 text-sm sm:grid-cols-2">
        <Party
          heading="Supplier"
          party={doc.supplier}
          note={`${doc.supplier.agent.legalName} issues this document and collects payment as the supplier’s commercial agent.`}
        />
        <Party heading={credit ? 'Credited to' : 'Billed to'} party={doc.buyer} />
        <Party heading="Service fee supplied by" party={doc.supplier.agent} />
        {serviceAddress ? (
          <div className="grid content-start gap-0.5 break-words">
            <h3 className="font-semibold">Service address</h3>
            <p>{serviceAddress}</p>
          </div>
        ) : null}
      </section>
      {/* Narrow screens drop the rate column (the totals name it); anything still too wide scrolls inside this focusable region. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={credit ? 'Credit note lines' : 'Invoice lines'}>
        <table className="w-full min-w-[17rem] text-sm" data-testid="invoice-lines">
          <caption className="sr-only">{credit ? 'Credit note lines' : 'Invoice lines'}</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-2 pe-2 text-start font-semibold">
                Description
              </th>
              <th scope="col" className="py-2 pe-2 text-end font-semibold">
                Net
              </th>
              <th scope="col" className="hidden py-2 pe-2 text-end font-semibold sm:table-cell">
                VAT rate
              </th>
              <th scope="col" className="py-2 pe-2 text-end font-semibold">
                VAT
              </th>
              <th scope="col" className="py-2 text-end font-semibold">
                Gross
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((l, i) => (
              <tr key={`${l.key}-${i}`} className="border-b">
                <th scope="row" className="py-2 pe-2 text-start font-normal break-words">
                  {l.description}
                  {l.note ? <span className="block text-xs text-muted print:text-black">{l.note} (VAT {formatRateBp(l.taxRateBp)})</span> : null}
                </th>
                <td className="py-2 pe-2 text-end tabular-nums">{m(l.netMinor)}</td>
                <td className="hidden py-2 pe-2 text-end sm:table-cell">{formatRateBp(l.taxRateBp)}</td>
                <td className="py-2 pe-2 text-end tabular-nums">{m(l.taxMinor)}</td>
                <td className="py-2 text-end tabular-nums">{m(l.grossMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ms-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <dt className="text-end">Net total</dt>
        <dd className="text-end tabular-nums" data-testid="invoice-net">
          {m(doc.netMinor)}
        </dd>
        <dt className="text-end">{mixedRates ? 'VAT' : `VAT at ${formatRateBp(doc.taxRateBp)}`}</dt>
        <dd className="text-end tabular-nums" data-testid="invoice-vat">
          {m(doc.taxMinor)}
        </dd>
        <dt className="border-t-2 pt-2 text-end text-base font-semibold">{credit ? 'Total credited' : 'Total paid'}</dt>
        <dd className="border-t-2 pt-2 text-end text-base font-semibold tabular-nums" data-testid="invoice-total">
          {m(doc.totalMinor)}
        </dd>
      </dl>
      <p className="text-xs text-muted print:text-black">Amounts in {doc.currency}. Keep this document for your records.</p>
    </article>
  );
}
