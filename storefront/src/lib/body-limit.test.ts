import { describe, expect, it } from 'vitest';
import { bodyRefusal } from './body-limit';

const headers = (values: Record<string, string>) => new Headers(values);

describe('bodyRefusal', () => {
  it('accepts a body up to the limit and refuses one byte more', () => {
    expect(bodyRefusal(headers({ 'content-length': '1024' }), 1024)).toBeUndefined();
    expect(bodyRefusal(headers({ 'content-length': '1025' }), 1024)).toBe('too-large');
  });

  it('refuses a length that is not a number', () => {
    expect(bodyRefusal(headers({ 'content-length': 'lots' }), 1024)).toBe('too-large');
  });

  it('refuses a body of undeclared length, and passes a request without a body', () => {
    expect(bodyRefusal(headers({ 'transfer-encoding': 'chunked' }), 1024)).toBe('length-required');
    expect(bodyRefusal(headers({}), 1024)).toBeUndefined();
  });
});
