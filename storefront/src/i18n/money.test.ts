import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from './index';
import { localeDigits } from './digits';
import { formatNpr, groupLakhCrore } from './money';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('groupLakhCrore', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['1000', '1,000'],
    ['12345', '12,345'],
    ['123456', '1,23,456'],
    ['1234567', '12,34,567'],
    ['12345678', '1,23,45,678'],
    ['123456789', '12,34,56,789'],
  ])('groups %s as %s', (whole, grouped) => {
    expect(groupLakhCrore(whole)).toBe(grouped);
  });
});

describe('formatNpr', () => {
  it('writes rupees with lakh grouping in English', () => {
    expect(formatNpr(123456, en)).toBe('Rs 1,23,456');
    expect(formatNpr(1_50_00_000, en)).toBe('Rs 1,50,00,000');
    expect(formatNpr(0, en)).toBe('Rs 0');
  });

  it('writes रु. and Devanagari digits in Nepali', () => {
    expect(formatNpr(123456, ne)).toBe('रु. १,२३,४५६');
    expect(formatNpr(850, ne)).toBe('रु. ८५०');
  });

  it('shows paisa only when there are some', () => {
    expect(formatNpr(1250.5, en)).toBe('Rs 1,250.50');
    expect(formatNpr(99.999, en)).toBe('Rs 100');
    expect(formatNpr(1250.5, ne)).toBe('रु. १,२५०.५०');
  });

  it('keeps the sign of a refund', () => {
    expect(formatNpr(-1500, en)).toBe('-Rs 1,500');
  });

  it('writes nothing for a value that is not a number', () => {
    expect(formatNpr(Number.NaN, en)).toBe('');
  });
});

describe('localeDigits', () => {
  it('writes Latin digits in the locale’s own digits', () => {
    expect(localeDigits('2081-04-15', ne)).toBe('२०८१-०४-१५');
    expect(localeDigits('2081-04-15', en)).toBe('2081-04-15');
  });
});
