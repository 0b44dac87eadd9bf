'use client';

import { ClipboardCheck, Users } from 'lucide-react';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { formatMinor } from '@/components/explorer/format';
import { confirmRequestAction, declineRequestAction } from '@/lib/bookings/actions';
import { AssignDialog, type CrewOption } from './assign-dialog.client';
import type { DeskBooking } from './bookings-week.client';
import { ConfirmAction } from './confirm-action.client';
import { Countdown } from './countdown.client';
import { formatInZone, statusLabel } from './format';

function Summary({ b }: { b: DeskBooking }) {
  return (
    <div className="grid gap-0.5 text-sm">
      <p className="font-semibold">
        {b.serviceTitle} <span className="font-mono font-normal">{b.reference}</span>
      </p>
      <p>{formatInZone(b.startsAt, b.timeZone)}</p>
      <p className="text-muted">
        {b.addressLine} · {formatMinor(b.totalMinor, b.currency)} · {statusLabel(b.status)}
      </p>
    </div>
  );
}

export function AssignmentBoard({ needsCrew, requests, crew, nowIso }: { needsCrew: DeskBooking[]; requests: DeskBooking[]; crew: CrewOption[]; nowIso: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="requests-h" className="grid content-start gap-3">
        <h2 id="requests-h" className="text-lg font-semibold">
          Requests to confirm ({requests.length})
        </h2>
        {requests.length === 0 ? (
          <EmptyState icon={<ClipboardCheck />} title="No requests waiting" description="Services that need your confirmation show their requests here." headingLevel="h3" />
        ) : (
          <ul className="grid gap-3">
            {requests.map((b) => (
              <li key={b.id}>
                <Card>
                  <CardContent className="grid gap-3 pt-4">
                    <Summary b={b} />
                    {b.confirmationDueAt ? (
                      <p className="text-sm">
                        Answer by {formatInZone(b.confirmationDueAt, b.timeZone, { withDate: false })} · <Countdown until={b.confirmationDueAt} nowIso={nowIso} />
                      </p>
                    ) : null}
                    <div className="flex flex-wrap gap-2">
                      <ConfirmAction
                        label="Confirm"
                        srLabel={b.reference}
                        title={`Confirm ${b.reference}?`}
                        description="The customer is told the booking is confirmed."
                        confirmLabel="Confirm booking"
                        action={confirmRequestAction}
                        input={{ bookingId: b.id }}
                        success={`Confirmed ${b.reference}`}
                      />
                      <ConfirmAction
                        label="Decline"
                        srLabel={b.reference}
                        variant="danger"
                        title={`Decline ${b.reference}?`}
                        description="The booking is cancelled at no cost to the customer, who is told your reason."
                        confirmLabel="Decline request"
                        action={declineRequestAction}
                        input={{ bookingId: b.id }}
                        success={`Declined ${b.reference}`}
                        reasonField="Reason for the customer (optional)"
                      />
                    </div>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="needs-crew-h" className="grid content-start gap-3">
        <h2 id="needs-crew-h" className="text-lg font-semibold">
          Needs a crew ({needsCrew.length})
        </h2>
        {needsCrew.length === 0 ? (
          <EmptyState icon={<Users />} title="Every booking has a crew" headingLevel="h3" />
        ) : (
          <ul className="grid gap-3">
            {needsCrew.map((b) => (
              <li key={b.id}>
                <Card>
                  <CardContent className="flex flex-wrap items-start justify-between gap-3 pt-4">
                    <Summary b={b} />
                    <AssignDialog bookingId={b.id} reference={b.reference} crew={crew} current={b.crew} />
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
