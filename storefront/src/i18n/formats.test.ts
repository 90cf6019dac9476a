import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './formats';

describe('reused Intl formatters', () => {
  it('gives the same formatter for the same locale and options, another for others', () => {
    const options = { dateStyle: 'long', timeZone: 'Asia/Kathmandu' } as const;
    expect(dateTimeFormat('ne', options)).toBe(dateTimeFormat('ne', { ...options }));
    expect(dateTimeFormat('ne', options)).not.toBe(dateTimeFormat('en', options));
    expect(numberFormat('ne')).toBe(numberFormat('ne', {}));
    expect(numberFormat('ne', { useGrouping: false })).not.toBe(numberFormat('ne'));
  });

  it('formats as a new formatter would', () => {
    const day = new Date('2024-04-13T00:00:00Z');
    const options = { dateStyle: 'long', timeZone: 'Asia/Kathmandu' } as const;
    expect(dateTimeFormat('ne', options).format(day)).toBe(
      new Intl.DateTimeFormat('ne', options).format(day),
    );
    expect(numberFormat('ne').format(12500)).toBe(new Intl.NumberFormat('ne').format(12500));
    expect(numberFormat('ne', { useGrouping: false }).format(2081)).toBe('२०८१');
  });
});
