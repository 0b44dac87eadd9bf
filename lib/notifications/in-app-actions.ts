'use server';

import { defineAction } from '@/lib/core/action';
import { markNotificationsRead, markNotificationsReadInput } from './mark-read';

// The notification centre's one mutation; the verb scopes to the caller's own rows again.
export const markNotificationsReadAction = defineAction('notifications.mark_read', { auth: 'user', permission: 'account.update_self', input: markNotificationsReadInput }, (input, ctx) =>
  markNotificationsRead(ctx, input),
);
