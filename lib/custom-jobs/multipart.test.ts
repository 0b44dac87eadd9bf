import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { readJobForm } from './multipart';
import { tinyPng } from './tiny-png';

function multipart(fd: FormData) {
  return new NextRequest('http://localhost/api/v1/jobs', { method: 'POST', body: fd });
}

describe('readJobForm', () => {
  it('reads fields, lists, the location pair and photos with their hashes', async () => {
    const fd = new FormData();
    fd.set('title', 'Fix a tap please');
    fd.set('lon', '-0.1');
    fd.set('lat', '51.5');
    fd.set('inviteOnly', 'false');
    fd.append('invitedProviderIds', 'a');
    fd.append('invitedProviderIds', 'b');
    fd.append('photos', new Blob([tinyPng() as BlobPart], { type: 'image/png' }), 'tap.png');
    fd.append('photos', new Blob([]), '');
    const form = await readJobForm(multipart(fd));
    expect(form.raw).toMatchObject({ title: 'Fix a tap please', location: { lon: '-0.1', lat: '51.5' }, inviteOnly: 'false', invitedProviderIds: ['a', 'b'] });
    const photos = form.raw.photos as Array<{ name: string; bytes: Uint8Array }>;
    expect(photos).toHaveLength(1);
    expect(photos[0].name).toBe('tap.png');
    expect((form.fingerprint as { photos: string[] }).photos[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a single invite becomes a list; JSON drops photos; other types are refused', async () => {
    const fd = new FormData();
    fd.set('invitedProviderIds', 'only');
    expect((await readJobForm(multipart(fd))).raw.invitedProviderIds).toEqual(['only']);
    const json = new NextRequest('http://localhost/api/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', photos: ['nope'] }) });
    expect((await readJobForm(json)).raw).toEqual({ title: 'x' });
    const text = new NextRequest('http://localhost/api/v1/jobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    await expect(readJobForm(text)).rejects.toBeInstanceOf(AppError);
    const huge = new NextRequest('http://localhost/api/v1/jobs', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) }, body: '' });
    await expect(readJobForm(huge)).rejects.toBeInstanceOf(AppError);
  });
});
