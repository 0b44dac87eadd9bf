'use server';

import { defineAction } from '@/lib/core/action';
import { acceptInvite, acceptInviteInput } from './accept-invite';
import { inviteServiceman, inviteServicemanInput } from './invite-serviceman';

export const inviteServicemanAction = defineAction('crew.invite', { auth: 'user', permission: 'crew.manage', input: inviteServicemanInput }, (input, ctx) => inviteServiceman(ctx, input));

// Any signed-in person may try; the verb checks the link belongs to their email.
export const acceptInviteAction = defineAction('crew.accept_invite', { auth: 'user', input: acceptInviteInput }, (input, ctx) => acceptInvite(ctx, input));
