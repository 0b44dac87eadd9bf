import 'server-only';

// The bookings domain's public server API.
export { createBooking } from './create-booking';
export { cancelBooking } from './cancel-booking';
export { rescheduleBooking } from './reschedule-booking';
export { assignCrew, confirmRequest, declineRequest, onPaymentAuthorized, onPaymentFailed } from './provider-verbs';
export { checkIn, completeBooking, markNoShow } from './work';
export { dispatchNext, respondToOffer } from './dispatch';
export { sweepDeadlines } from './sweeper';
export { bookingDto, bookingTimeline, cancellationPreview, getBooking, listMyBookings, listMyOffers, listProviderBookings } from './queries';
export { bookingContracts } from './contracts';
