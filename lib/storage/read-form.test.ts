import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { readFilesForm } from './read-form';

const opts = { fileField: 'photos', maxBytes: 1024, maxFiles: 2, defaultName: 'photo', arrays: ['unitIds'] } as const;
const req = (body: BodyInit, headers: Record<string, string> = {}) => new NextRequest('http://localhost/x', { method: 'POST', body, headers });
const fieldsOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).details?.fieldErrors;

describe('readFilesForm', () => {
  it('reads multipart files, repeated fields as arrays and drops empty fields', async () => {
    const fd = new FormData();
    fd.append('photos', new File([new Uint8Array([1, 2, 3])], 'a.jpg'));
    fd.append('photos', new File([new Uint8Array([4])], 'b.png'));
    fd.append('photos', new File([], '')); // an empty file input
    fd.append('unitIds', 'u1');
    fd.append('unitIds', 'u2');
    fd.append('note', 'hello');
    fd.append('blank', '');
    const { fields, files } = await readFilesForm(req(fd), opts);
    expect(files.map((f) => [f.name, f.bytes.length])).toEqual([
      ['a.jpg', 3],
      ['b.png', 1],
    ]);
    expect(fields).toEqual({ note: 'hello', unitIds: ['u1', 'u2'] });
  });

  it('accepts JSON without files and refuses other bodies, too many files and oversize uploads', async () => {
    expect(await readFilesForm(req(JSON.stringify({ a: 1, photos: ['x'] }), { 'content-type': 'application/json' }), opts)).toEqual({ fields: { a: 1 }, files: [] });
    await expect(readFilesForm(req('[1]', { 'content-type': 'application/json' }), opts)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await fieldsOf(readFilesForm(req('x', { 'content-type': 'text/plain' }), opts))).toHaveProperty('content-type');
    const many = new FormData();
    for (let i = 0; i < 3; i++) many.append('photos', new File([new Uint8Array([i])], `${i}.jpg`));
    expect(await fieldsOf(readFilesForm(req(many), opts))).toEqual({ photos: ['at most 2 files'] });
    const big = new FormData();
    big.append('photos', new File([new Uint8Array(2048)], 'big.jpg'));
    expect(await fieldsOf(readFilesForm(req(big), opts))).toEqual({ photos: ['together must be at most 0.0009765625 MB'] });
  });
});
