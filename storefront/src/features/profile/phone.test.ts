import { describe, expect, it } from 'vitest';
import { normalizeNepalMobile, phoneForDisplay } from './phone';

describe('normalizeNepalMobile', () => {
  it.each(['9812345678', '+977 981-234-5678', '00977 9812345678', '९८१२३४५६७८', '(981) 234 5678'])(
    'stores %s as +9779812345678',
    (input) => {
      expect(normalizeNepalMobile(input)).toBe('+9779812345678');
    },
  );

  it('refuses numbers that are not Nepal mobiles', () => {
    for (const input of ['12345', '01-4412345', '+91 9812345678', '98123456789', '']) {
      expect(normalizeNepalMobile(input)).toBeNull();
    }
  });
});

describe('phoneForDisplay', () => {
  it('shows a stored number as the 10-digit local number', () => {
    expect(phoneForDisplay('+9779812345678')).toBe('9812345678');
  });

  it('shows nothing for no number and anything else as stored', () => {
    expect(phoneForDisplay(null)).toBe('');
    expect(phoneForDisplay(undefined)).toBe('');
    expect(phoneForDisplay('+15551234567')).toBe('+15551234567');
  });
});
