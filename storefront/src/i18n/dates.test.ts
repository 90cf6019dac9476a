import { describe, expect, it } from 'vitest';
import { parseLocale } from './index';
import { formatDate, isoCalendarDate } from './dates';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;

describe('formatDate', () => {
  it('shows English dates in AD only', () => {
    expect(formatDate('2024-04-13T06:00:00Z', en)).toBe('April 13, 2024');
  });

  it('shows the Bikram Sambat date beside the AD one in Nepali, in Nepali digits', () => {
    expect(formatDate('2024-04-13T06:00:00Z', ne)).toBe('२०२४ अप्रिल १३ (वि.सं. २०८१ बैशाख १)');
    expect(formatDate(new Date('2023-04-14T06:00:00Z'), ne)).toBe(
      '२०२३ अप्रिल १४ (वि.सं. २०८० बैशाख १)',
    );
    expect(formatDate('2025-04-14T06:00:00Z', ne)).toContain('वि.सं. २०८२ बैशाख १');
  });

  it('uses the Nepali month names', () => {
    expect(formatDate('2024-12-01T06:00:00Z', ne)).toContain('मंसिर');
    expect(formatDate('2025-03-20T06:00:00Z', ne)).toContain('चैत');
  });

  it('takes the calendar day in Nepal, not on the server', () => {
    // 20:00 UTC on 12 April is 01:45 on 13 April in Kathmandu: the Nepali new year.
    expect(formatDate('2024-04-12T20:00:00Z', en)).toBe('April 13, 2024');
    expect(formatDate('2024-04-12T20:00:00Z', ne)).toContain('२०८१ बैशाख १');
  });

  it('shows nothing for a date it cannot read', () => {
    expect(formatDate('not a date', ne)).toBe('');
  });
});

describe('isoCalendarDate', () => {
  it('gives the Nepal calendar day for a <time> element', () => {
    expect(isoCalendarDate('2024-04-12T20:00:00Z')).toBe('2024-04-13');
  });
});
