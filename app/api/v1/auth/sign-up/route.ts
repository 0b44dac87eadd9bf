// POST /api/v1/auth/sign-up — create a customer account; the confirmation email is queued.
import { defineRoute } from '@/lib/core/route';
import { signUpContract } from '@/lib/identity/contracts';
import { signUp } from '@/lib/identity/sign-up';

export const POST = defineRoute(signUpContract, async ({ body, ctx }) => {
  const result = await signUp(ctx, body);
  return Response.json({ userId: result.userId, email: result.email }, { status: 201 });
});
