import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/core/errors';

/** A domain read whose NOT_FOUND becomes the page's 404 (ids of others' documents are not confirmed). */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
