export { createReview } from './create-review';
export { replyToReview } from './reply-review';
export { reportReview } from './report-review';
export { moderateReview } from './moderate-review';
export { recomputeProviderRating } from './rating';
export { reviewableBooking, listMyReviews, listReviewsForModeration, listProviderReviews, type ReviewableBooking, type ModerationRow } from './queries';
export type { ReviewView } from './internal';
