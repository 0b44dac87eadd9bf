/**
 * Reading a dispute form (open, respond, add evidence) from a request: multipart with evidence
 * files, or JSON without. The size is checked from Content-Length before the body is buffered,
 * and again on what arrived.
 */
import type { NextRequest } from 'next/server';
import { readFilesForm } from '@/lib/storage/read-form';
import { MAX_EVIDENCE_FILES } from './policy';

const MB = 1024 * 1024;
/** Six files of at most 20 MB (PDF) would be too much for one request: 40 MB in total. */
export const DISPUTE_FORM_MAX_BYTES = 40 * MB;

export async function readDisputeForm(req: NextRequest): Promise<Record<string, unknown>> {
  const { fields, files } = await readFilesForm(req, { fileField: 'files', maxBytes: DISPUTE_FORM_MAX_BYTES, maxFiles: MAX_EVIDENCE_FILES, defaultName: 'evidence' });
  return { ...fields, files };
}
