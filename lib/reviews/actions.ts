'use server';

import { defineAction } from '@/lib/core/action';
import { createReview } from './create-review';
import { moderateReview } from './moderate-review';
import { replyToReview } from './reply-review';
import { reportReview } from './report-review';
import { createReviewInput, moderateReviewInput, replyReviewInput, reportReviewInput } from './schemas';

export const createReviewAction = defineAction('reviews.create', { auth: 'user', permission: 'reviews.create', input: createReviewInput, idempotent: true }, (input, ctx) =>
  createReview(ctx, input),
);

export const replyReviewAction = defineAction('reviews.reply', { auth: 'user', permission: 'reviews.reply', input: replyReviewInput }, (input, ctx) => replyToReview(ctx, input));

export const reportReviewAction = defineAction('reviews.report', { auth: 'user', permission: 'reviews.report', input: reportReviewInput }, (input, ctx) => reportReview(ctx, input));

export const moderateReviewAction = defineAction('reviews.moderate', { auth: 'user', permission: 'reviews.moderate', input: moderateReviewInput }, (input, ctx) =>
  moderateReview(ctx, input),
);
