import { describe, expect, it } from 'vitest';
import { resolveRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('keeps a safe incoming id', () => {
    expect(resolveRequestId('edge-42.abc')).toBe('edge-42.abc');
  });

  it('mints a UUID when there is no id', () => {
    expect(resolveRequestId(null)).toMatch(UUID);
  });

  it('replaces an id that could forge log lines', () => {
    expect(resolveRequestId('x"\n{"level":"error"}')).toMatch(UUID);
    expect(resolveRequestId('a'.repeat(129))).toMatch(UUID);
  });
});
