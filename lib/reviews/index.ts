export { createReview } from './create-review';
export { replyToReview } from './reply-review';
export { reportReview } from './report-review';
export { moderateReview } from './moderate-review';
export { recomputeProviderRating } from './rating';
export { reviewableBooking, listMyReviews, listReviewsForModeration, listProviderReviews, publicProviderReviews, type ReviewableBooking, type ModerationRow, type ProviderReviewFilter, type ProviderReviewRow, type ProviderReviewsPage, type PublicReview } from './queries';
export type { ReviewView } from './internal';
