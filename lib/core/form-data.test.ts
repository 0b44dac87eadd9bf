import { describe, expect, it } from 'vitest';
import { formDataToObject, isNextControlFlow } from './form-data';

describe('formDataToObject', () => {
  it('turns repeated keys into arrays and drops Next internals and prototype keys', () => {
    const fd = new FormData();
    fd.append('name', 'Ada');
    fd.append('tag', 'a');
    fd.append('tag', 'b');
    fd.append('$ACTION_ID_abc', '');
    fd.append('__proto__', 'polluted');
    fd.append('constructor', 'x');
    const obj = formDataToObject(fd);
    expect(obj).toEqual({ name: 'Ada', tag: ['a', 'b'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
  });

  it('recognises Next redirect/not-found control flow', () => {
    expect(isNextControlFlow({ digest: 'NEXT_REDIRECT;replace;/x;307;' })).toBe(true);
    expect(isNextControlFlow(new Error('boom'))).toBe(false);
  });
});
