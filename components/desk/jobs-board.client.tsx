'use client';

import { Briefcase, Inbox } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { formatMinor } from '@/components/explorer/format';
import { checkInAction, completeBookingAction, markNoShowAction, markOnTheWayAction, respondToOfferAction } from '@/lib/bookings/actions';
import type { JobView, OfferView } from '@/lib/bookings/my-jobs';
import { ConfirmAction } from './confirm-action.client';
import { Countdown } from './countdown.client';
import { dateInZone, formatInZone, statusLabel, statusTone } from './format';

function JobFacts({ j }: { j: JobView }) {
  return (
    <div className="grid gap-1 text-sm">
      <p className="flex flex-wrap items-center gap-2 text-base font-semibold">
        {j.serviceTitle}
        <Badge tone={statusTone[j.status] ?? 'neutral'}>{statusLabel(j.status)}</Badge>
        {j.role ? <Badge>{j.role === 'lead' ? 'Lead' : 'Support'}</Badge> : null}
      </p>
      <p>
        <span className="font-mono">{j.reference}</span> · {j.type === 'on_demand' ? 'On demand' : 'Scheduled'}
      </p>
      <p>{formatInZone(j.startsAt, j.timeZone)}</p>
      <p className="text-muted">{j.addressLine}</p>
      {j.notes ? <p className="text-muted">Notes: {j.notes}</p> : null}
      <p className="text-muted">Job value {formatMinor(j.providerPriceMinor, j.currency)}</p>
    </div>
  );
}

export function JobsBoard({ offers, jobs, nowIso }: { offers: OfferView[]; jobs: JobView[]; nowIso: string }) {
  const today = (j: JobView) => !!j.startsAt && dateInZone(j.startsAt, j.timeZone) === dateInZone(nowIso, j.timeZone);
  const sorted = [...jobs].sort((a, b) => Number(today(b)) - Number(today(a)) || Number(b.status === 'in_progress') - Number(a.status === 'in_progress'));
  return (
    <div className="grid gap-8">
      <section aria-labelledby="offers-h" className="grid gap-3">
        <h2 id="offers-h" className="text-lg font-semibold">
          Offers ({offers.length})
        </h2>
        {offers.length === 0 ? (
          <EmptyState icon={<Inbox />} title="No open offers" description="On-demand jobs near you are offered here one at a time." headingLevel="h3" />
        ) : (
          <ul className="grid gap-3">
            {offers.map((o) => (
              <li key={o.offerId}>
                <Card>
                  <CardContent className="grid gap-3 pt-4 sm:grid-cols-[1fr_auto]">
                    <JobFacts j={o} />
                    <div className="flex flex-wrap items-start gap-2 sm:flex-col sm:items-end">
                      <Countdown until={o.expiresAt} nowIso={nowIso} />
                      <div className="flex gap-2">
                        <ConfirmAction
                          label="Accept"
                          srLabel={o.reference}
                          title={`Accept ${o.reference}?`}
                          description="The job becomes yours and the customer is told you are assigned."
                          confirmLabel="Accept job"
                          action={respondToOfferAction}
                          input={{ offerId: o.offerId, accept: true }}
                          success={`Accepted ${o.reference}`}
                        />
                        <ConfirmAction
                          label="Decline"
                          srLabel={o.reference}
                          variant="danger"
                          title={`Decline ${o.reference}?`}
                          description="The job is offered to someone else."
                          confirmLabel="Decline offer"
                          action={respondToOfferAction}
                          input={{ offerId: o.offerId, accept: false }}
                          success={`Declined ${o.reference}`}
                        />
                      </div>
                    </div>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="jobs-h" className="grid gap-3">
        <h2 id="jobs-h" className="text-lg font-semibold">
          My jobs ({jobs.length})
        </h2>
        {sorted.length === 0 ? (
          <EmptyState icon={<Briefcase />} title="No upcoming jobs" description="Jobs you are assigned to appear here." headingLevel="h3" />
        ) : (
          <ul className="grid gap-3">
            {sorted.map((j) => (
              <li key={j.bookingId} data-testid={`job-${j.reference}`}>
                <Card>
                  <CardContent className="grid gap-3 pt-4 sm:grid-cols-[1fr_auto]">
                    <div className="grid gap-1">
                      {today(j) ? <Badge tone="info" className="justify-self-start">Today</Badge> : null}
                      <JobFacts j={j} />
                    </div>
                    <div className="flex flex-wrap items-start gap-2 sm:flex-col sm:items-end">
                      {j.status === 'scheduled' ? (
                        <ConfirmAction
                          label="On the way"
                          srLabel={j.reference}
                          variant="secondary"
                          title={`On your way to ${j.reference}?`}
                          description="The customer gets a message that their crew is on the way. Telling them twice sends nothing new."
                          confirmLabel="I'm on the way"
                          action={markOnTheWayAction}
                          input={{ bookingId: j.bookingId }}
                          success={`The customer knows you are on the way to ${j.reference}`}
                        />
                      ) : null}
                      {j.status === 'scheduled' ? (
                        <ConfirmAction
                          label="Check in"
                          srLabel={j.reference}
                          title={`Check in to ${j.reference}?`}
                          description="Confirms you are on site; the job starts now and the customer is told."
                          confirmLabel="Check in"
                          action={checkInAction}
                          input={{ bookingId: j.bookingId }}
                          success={`Checked in to ${j.reference}`}
                        />
                      ) : null}
                      {j.status === 'in_progress' ? (
                        <>
                          <ConfirmAction
                            label="Complete"
                            srLabel={j.reference}
                            title={`Complete ${j.reference}?`}
                            description="Marks the work done; the payment is released to your provider after the dispute window."
                            confirmLabel="Mark complete"
                            action={completeBookingAction}
                            input={{ bookingId: j.bookingId }}
                            success={`Completed ${j.reference}`}
                          />
                          <ConfirmAction
                            label="Customer no-show"
                            srLabel={j.reference}
                            variant="danger"
                            title="Report that the customer was not there?"
                            description="The booking is cancelled and the customer pays the no-show fee."
                            confirmLabel="Report customer no-show"
                            action={markNoShowAction}
                            input={{ bookingId: j.bookingId, party: 'customer' as const }}
                            success={`Reported a customer no-show for ${j.reference}`}
                          />
                        </>
                      ) : null}
                    </div>
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
