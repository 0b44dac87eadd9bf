import Link from 'next/link';
import { CheckCircle2, XCircle } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { formatMinor } from './format';

export interface ReconciliationView {
  ok: boolean;
  transactionsUnbalanced: number;
  accountsDrift: Array<{ accountId: string; kind: string; reason: string }>;
  paymentsDrift: Array<{ bookingId: string; currency: string; paymentsNetMinor: number; ledgerNetMinor: number }>;
  commerceDrift: Array<{ kind: 'rental' | 'order'; id: string; reference: string | null; currency: string; paymentsNetMinor: number; ledgerNetMinor: number; reason: string }>;
  depositHoldsDrift: Array<{ rentalId: string; reference: string | null; status: string | null; currency: string; gatewayHeldMinor: number; ledgerHeldMinor: number; reason: string }>;
  payoutsDrift: Array<{ payoutId: string; status: string; amountMinor: number; ledgerPaidMinor: number }>;
}

/** Which operations pages the viewer may open (rentals.read_all / orders.read_all). */
export interface SubjectLinks {
  rentals: boolean;
  orders: boolean;
}

/** A rental or order links to its operations page when the viewer may open it. */
function Subject({ kind, id, reference, links }: { kind: 'rental' | 'order'; id: string; reference: string | null; links: SubjectLinks }) {
  const label = `${kind === 'rental' ? 'Rental' : 'Order'} ${reference ?? '(no such record)'}`;
  const canOpen = reference !== null && (kind === 'rental' ? links.rentals : links.orders);
  return (
    <>
      {canOpen ? (
        <Link href={`/admin/${kind === 'rental' ? 'rentals' : 'orders'}/${id}`} className="font-medium underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="font-medium">{label}</span>
      )}
      <span className="block break-all font-mono text-xs text-muted">{id}</span>
    </>
  );
}

/** One drift list as a table: what drifted (with why, when known) and the two amounts that disagree. Nothing when empty. */
function DriftTable({ caption, subject, columns, rows }: { caption: string; subject: string; columns: [string, string]; rows: Array<{ key: string; subject: React.ReactNode; reason?: string; amounts: [string, string] }> }) {
  if (!rows.length) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="p-2">
              {subject}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="p-2 text-right">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-border align-top">
              <th scope="row" className="p-2 text-left font-normal">
                {r.subject}
                {r.reason ? <span className="block text-xs">{r.reason}</span> : null}
              </th>
              {r.amounts.map((a, i) => (
                <td key={i} className="p-2 text-right tabular-nums">
                  {a}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Check({ label, value, detail }: { label: string; value: number; detail: string }) {
  const ok = value === 0;
  const Icon = ok ? CheckCircle2 : XCircle;
  return (
    <li
      className={cn('flex items-start gap-3 rounded-md border p-3', ok ? 'border-success bg-success-soft text-success-soft-fg' : 'border-danger bg-danger-soft text-danger-soft-fg')}
      data-testid={`recon-${label.toLowerCase().replace(/\s+/g, '-')}`}
    >
      <Icon aria-hidden="true" className={cn('mt-0.5 size-5 shrink-0', ok ? 'text-success' : 'text-danger')} />
      <div className="min-w-0">
        <p className="font-medium">
          {label}: <span className="tabular-nums">{value}</span> <span className="sr-only">{ok ? '(ok)' : '(must be zero)'}</span>
        </p>
        <p className="text-sm">{detail}</p>
      </div>
    </li>
  );
}

/** The reconciliation report: every figure must be zero (green); anything else is red. */
export function Reconciliation({ report, checkedAtLabel, links = { rentals: false, orders: false } }: { report: ReconciliationView; checkedAtLabel: string; links?: SubjectLinks }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Reconciliation</CardTitle>
        <CardDescription>
          {report.ok ? 'All checks are zero — the ledger balances and matches the gateway.' : 'Drift found — every figure below must be zero.'} Checked {checkedAtLabel}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Reconciliation checks">
          <Check label="Unbalanced transactions" value={report.transactionsUnbalanced} detail="Transactions whose entries do not sum to zero per currency." />
          <Check label="Account drift" value={report.accountsDrift.length} detail="Entries in a currency other than their account's." />
          <Check label="Payment drift" value={report.paymentsDrift.length} detail="Bookings where captured − refunded differs from the ledger's gateway net." />
          <Check label="Rental and order drift" value={report.commerceDrift.length} detail="Rentals and orders where captured − refunded differs from the ledger's gateway net." />
          <Check label="Deposit hold drift" value={report.depositHoldsDrift.length} detail="Deposits held on the card but not in the ledger (or the reverse), or still held after the rental ended." />
          <Check label="Payout drift" value={report.payoutsDrift.length} detail="Payouts whose ledger postings do not move exactly their amount." />
        </ul>
        {report.accountsDrift.length ? (
          <ul className="list-disc pl-5 text-sm">
            {report.accountsDrift.map((d) => (
              <li key={d.accountId}>
                {d.kind} account {d.accountId}: {d.reason}
              </li>
            ))}
          </ul>
        ) : null}
        <DriftTable
          caption="Payment drift per booking"
          subject="Booking"
          columns={['Payments net', 'Ledger net']}
          rows={report.paymentsDrift.map((d) => ({
            key: `${d.bookingId}-${d.currency}`,
            subject: <span className="font-mono">{d.bookingId}</span>,
            amounts: [formatMinor(d.paymentsNetMinor, d.currency), formatMinor(d.ledgerNetMinor, d.currency)],
          }))}
        />
        <DriftTable
          caption="Payment drift per rental and order"
          subject="Rental or order"
          columns={['Payments net', 'Ledger net']}
          rows={report.commerceDrift.map((d) => ({
            key: `${d.kind}-${d.id}-${d.currency}`,
            subject: <Subject kind={d.kind} id={d.id} reference={d.reference} links={links} />,
            reason: d.reason,
            amounts: [formatMinor(d.paymentsNetMinor, d.currency), formatMinor(d.ledgerNetMinor, d.currency)],
          }))}
        />
        <DriftTable
          caption="Deposit hold drift per rental"
          subject="Rental"
          columns={['Held on the card', 'Held in the ledger']}
          rows={report.depositHoldsDrift.map((d) => ({
            key: `${d.rentalId}-${d.currency}`,
            subject: <Subject kind="rental" id={d.rentalId} reference={d.reference} links={links} />,
            reason: d.reason,
            amounts: [formatMinor(d.gatewayHeldMinor, d.currency), formatMinor(d.ledgerHeldMinor, d.currency)],
          }))}
        />
        {report.payoutsDrift.length ? (
          <ul className="list-disc pl-5 text-sm">
            {report.payoutsDrift.map((d) => (
              <li key={d.payoutId} className="break-all">
                Payout {d.payoutId} ({d.status}): amount {d.amountMinor}, ledger paid {d.ledgerPaidMinor} (minor units)
              </li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
