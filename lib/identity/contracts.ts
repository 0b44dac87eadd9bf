import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { roles } from '@/lib/core/auth/roles';
import { signUpInput } from './schemas';

export const meResponse = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
  memberships: z.array(
    z.object({ orgId: z.string().nullable(), orgName: z.string().nullable(), role: z.enum(roles), expiresAt: z.string().nullable() }),
  ),
});

export const meContract = {
  method: 'GET',
  path: '/api/v1/me',
  summary: 'The signed-in user with the roles resolved from the database',
  tags: ['identity'],
  auth: 'user',
  response: meResponse,
} satisfies RouteContract;

export const signUpContract = {
  method: 'POST',
  path: '/api/v1/auth/sign-up',
  summary: 'Create a customer account (a confirmation email is sent)',
  tags: ['identity'],
  auth: 'public',
  body: signUpInput,
  response: z.object({ userId: z.string(), email: z.string() }),
  maxBodyBytes: 10_000,
  idempotent: true,
} satisfies RouteContract;
