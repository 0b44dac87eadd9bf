import type { z } from 'zod';
import { AppError, fieldErrorsFromIssues, summariseFieldErrors } from './errors';

/** Every verb re-validates its input (routes, actions and jobs all call verbs). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsFromIssues(result.error.issues);
  throw new AppError('VALIDATION', summariseFieldErrors(fieldErrors), { fieldErrors });
}
