'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/core/action';
import { collectOrder, fulfilOrder } from './advance-order';
import { createListing } from './create-listing';
import { createOrder } from './create-order';
import { moderateListing } from './moderate-listing';
import { refundOrder } from './refund-order';
import { submitListing } from './submit-listing';
import { updateListing } from './update-listing';
import { withdrawListing } from './withdraw-listing';
import { listingIdInput, moderateListingInput, orderIdInput, refundOrderInput, updateListingInput } from './schemas';

// Inputs are re-parsed by each verb; the wrapper's schema only shapes the form data.
const passthrough = z.record(z.string(), z.unknown());

export const createListingAction = defineAction('listings.create', { auth: 'user', permission: 'listings.manage', input: passthrough, idempotent: true }, (input, ctx) => createListing(ctx, input));
export const updateListingAction = defineAction('listings.update', { auth: 'user', permission: 'listings.manage', input: updateListingInput }, (input, ctx) => updateListing(ctx, input));
export const submitListingAction = defineAction('listings.submit', { auth: 'user', permission: 'listings.manage', input: listingIdInput }, (input, ctx) => submitListing(ctx, input));
export const withdrawListingAction = defineAction('listings.withdraw', { auth: 'user', permission: 'listings.manage', input: listingIdInput }, (input, ctx) => withdrawListing(ctx, input));
export const moderateListingAction = defineAction('listings.moderate', { auth: 'user', permission: 'listings.moderate', input: moderateListingInput }, (input, ctx) => moderateListing(ctx, input));
export const createOrderAction = defineAction('orders.create', { auth: 'user', permission: 'orders.create', input: passthrough, idempotent: true }, (input, ctx) => createOrder(ctx, input));
export const fulfilOrderAction = defineAction('orders.fulfil', { auth: 'user', permission: 'orders.manage', input: orderIdInput }, (input, ctx) => fulfilOrder(ctx, input));
export const collectOrderAction = defineAction('orders.collect', { auth: 'user', permission: 'orders.manage', input: orderIdInput }, (input, ctx) => collectOrder(ctx, input));
export const refundOrderAction = defineAction('orders.refund', { auth: 'user', input: refundOrderInput }, (input, ctx) => refundOrder(ctx, input));
// The operations desk's refund: the wrapper already refuses anyone without orders.refund_any, and a
// double submit replays the first answer (idempotencyKey) instead of reporting a conflict.
export const refundOrderAsOperationsAction = defineAction('orders.refund_any', { auth: 'user', permission: 'orders.refund_any', input: refundOrderInput, idempotent: true }, (input, ctx) => refundOrder(ctx, input));
