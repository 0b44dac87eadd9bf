'use server';

import { defineAction } from '@/lib/core/action';
import { deleteAddress, deleteAddressInput } from './delete-address';
import { saveAddress, saveAddressInput } from './save-address';

// Saved addresses of the signed-in customer; each verb authorises and scopes itself again.
export const saveAddressAction = defineAction('addresses.save', { auth: 'user', permission: 'bookings.create', input: saveAddressInput }, (input, ctx) => saveAddress(ctx, input));

export const deleteAddressAction = defineAction('addresses.delete', { auth: 'user', permission: 'bookings.create', input: deleteAddressInput }, (input, ctx) =>
  deleteAddress(ctx, input),
);
