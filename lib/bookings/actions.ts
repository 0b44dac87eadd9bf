'use server';

import { defineAction } from '@/lib/core/action';
import { assignCrew, confirmRequest, declineRequest } from './provider-verbs';
import { cancelBooking } from './cancel-booking';
import { createBooking } from './create-booking';
import { respondToOffer } from './dispatch';
import { rescheduleBooking } from './reschedule-booking';
import { assignCrewInput, bookingIdInput, cancelBookingInput, createBookingInput, declineRequestInput, markNoShowInput, rescheduleBookingInput, respondToOfferInput } from './schemas';
import { checkIn, completeBooking, markNoShow, markOnTheWay } from './work';
import { reassignCandidates, reassignCandidatesInput, reassignCrew, reassignCrewInput } from './reassign-crew';

// Server actions: one verb each; every verb authorises and scopes itself again.

// The wizard sends a hidden `idempotencyKey`: a double click or Back-button resubmit returns the first booking.
export const createBookingAction = defineAction('bookings.create', { auth: 'user', permission: 'bookings.create', input: createBookingInput, idempotent: true }, (input, ctx) =>
  createBooking(ctx, input),
);

export const cancelBookingAction = defineAction('bookings.cancel', { auth: 'user', permission: 'bookings.cancel', input: cancelBookingInput, idempotent: true }, (input, ctx) =>
  cancelBooking(ctx, input),
);

export const rescheduleBookingAction = defineAction('bookings.reschedule', { auth: 'user', permission: 'bookings.reschedule', input: rescheduleBookingInput, idempotent: true }, (input, ctx) =>
  rescheduleBooking(ctx, input),
);

export const assignCrewAction = defineAction('bookings.assign_crew', { auth: 'user', permission: 'bookings.manage', input: assignCrewInput }, (input, ctx) => assignCrew(ctx, input));

export const confirmRequestAction = defineAction('bookings.confirm_request', { auth: 'user', permission: 'bookings.manage', input: bookingIdInput }, (input, ctx) =>
  confirmRequest(ctx, input),
);

export const declineRequestAction = defineAction('bookings.decline_request', { auth: 'user', permission: 'bookings.manage', input: declineRequestInput }, (input, ctx) =>
  declineRequest(ctx, input),
);

export const respondToOfferAction = defineAction('bookings.respond_offer', { auth: 'user', permission: 'bookings.respond_offer', input: respondToOfferInput }, (input, ctx) =>
  respondToOffer(ctx, input),
);

export const checkInAction = defineAction('bookings.check_in', { auth: 'user', input: bookingIdInput }, (input, ctx) => checkIn(ctx, input));

export const completeBookingAction = defineAction('bookings.complete', { auth: 'user', input: bookingIdInput }, (input, ctx) => completeBooking(ctx, input));

export const markNoShowAction = defineAction('bookings.no_show', { auth: 'user', permission: 'bookings.report_no_show', input: markNoShowInput }, (input, ctx) => markNoShow(ctx, input));

export const markOnTheWayAction = defineAction('bookings.on_the_way', { auth: 'user', permission: 'bookings.work', input: bookingIdInput }, (input, ctx) => markOnTheWay(ctx, input));

export const reassignCrewAction = defineAction('bookings.reassign_crew', { auth: 'user', permission: 'bookings.reassign_any', input: reassignCrewInput }, (input, ctx) =>
  reassignCrew(ctx, input),
);

// A read through an action: the SLA board's dialog loads the crew list only when it opens.
export const reassignCandidatesAction = defineAction('bookings.reassign_candidates', { auth: 'user', permission: 'bookings.reassign_any', input: reassignCandidatesInput }, (input, ctx) =>
  reassignCandidates(ctx, input),
);
