import { describe, expect, it } from 'vitest';
import { AppError, errorStatus, fieldErrorsFromIssues, summariseFieldErrors, toProblem } from './errors';

describe('errors', () => {
  it('maps every code to its HTTP status', () => {
    expect(errorStatus).toEqual({
      VALIDATION: 422,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      LIMIT_EXCEEDED: 429,
      PRECONDITION_FAILED: 412,
      INTERNAL: 500,
    });
  });

  it('renders RFC 9457 problem details with field errors', () => {
    const err = new AppError('VALIDATION', 'Please check: email: invalid.', { fieldErrors: { email: ['invalid'] } });
    const p = toProblem(err, 'req-1', '/api/v1/x');
    expect(p).toMatchObject({ status: 422, code: 'VALIDATION', detail: 'Please check: email: invalid.', errors: { email: ['invalid'] }, requestId: 'req-1', instance: '/api/v1/x' });
    expect(p.type).toMatch(/validation$/);
    expect(p.title).toBe('Invalid input');
  });

  it('names each field and its reason', () => {
    const fe = fieldErrorsFromIssues([
      { path: ['email'], message: 'must be an email' },
      { path: ['address', 'postcode'], message: 'is required' },
      { path: [], message: 'form-level' },
    ]);
    expect(fe).toEqual({ email: ['must be an email'], 'address.postcode': ['is required'], _form: ['form-level'] });
    expect(summariseFieldErrors(fe)).toContain('email: must be an email');
  });
});
