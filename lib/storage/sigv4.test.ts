import { describe, expect, it } from 'vitest';
import { s3Store } from './s3-store';
import { sha256Hex, signV4 } from './sigv4';

describe('SigV4', () => {
  it('matches the AWS test suite "get-vanilla" vector', () => {
    const h = signV4({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/'),
      payloadHash: sha256Hex(''),
      region: 'us-east-1',
      service: 'service',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      date: new Date('2015-08-30T12:36:00Z'),
    });
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('matches the S3 documentation "GET Object" example', () => {
    const empty = sha256Hex('');
    const h = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9', 'x-amz-content-sha256': empty },
      payloadHash: empty,
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('the store signs PUT / GET / DELETE path-style against an endpoint and maps 404 to null', async () => {
    const calls: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
    const objects = new Map<string, Uint8Array>();
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url: String(url), method: init.method!, headers });
      const k = String(url);
      if (init.method === 'PUT') objects.set(k, init.body as Uint8Array);
      if (init.method === 'GET') return objects.has(k) ? new Response(objects.get(k) as BodyInit) : new Response('NoSuchKey', { status: 404 });
      if (init.method === 'DELETE') objects.delete(k);
      return new Response(null, { status: init.method === 'DELETE' ? 204 : 200 });
    }) as unknown as typeof fetch;
    const store = s3Store({ bucket: 'fixnado', endpoint: 'http://127.0.0.1:9000', region: 'eu-west-2', accessKeyId: 'AK', secretAccessKey: 'SK', fetch: fakeFetch, now: () => new Date('2026-01-01T00:00:00Z') });
    const key = 'job_photo/2026/0190f0a0-0000-7000-8000-000000000001';
    await store.put(key, new Uint8Array([1, 2, 3]), 'image/png');
    expect(Array.from((await store.get(key))!)).toEqual([1, 2, 3]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(calls[0].url).toBe(`http://127.0.0.1:9000/fixnado/${key}`);
    expect(calls[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AK\/20260101\/eu-west-2\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(calls[0].headers['x-amz-content-sha256']).toBe(sha256Hex(new Uint8Array([1, 2, 3])));
    await expect(store.get('../etc/passwd')).rejects.toThrow();
  });
});
