import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { SERVICE_KINDS } from '../../../../cms/src/api/catalog/service-kinds';
import { serviceKindName, spendingMonthLabel } from './spending-text';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('serviceKindName', () => {
  it('names every kind exactly as the CMS catalogue does, in both languages', () => {
    for (const kind of SERVICE_KINDS) {
      expect(serviceKindName(kind.code, en)).toBe(kind.en);
      expect(serviceKindName(kind.code, ne)).toBe(kind.ne);
    }
  });

  it('shows a kind it does not know as the CMS sent it', () => {
    expect(serviceKindName('paint', ne)).toBe('paint');
  });
});

describe('spendingMonthLabel', () => {
  it('gives an AD month in English', () => {
    expect(spendingMonthLabel('2024-07', en)).toEqual({ ad: 'Jul 2024' });
  });

  it('gives the BS months an AD month spans beside it in Nepali, in Devanagari digits', () => {
    const label = spendingMonthLabel('2024-07', ne);
    expect(label.ad).toContain('२०२४');
    expect(label.bs).toBe('असार–साउन २०८१');
    expect(spendingMonthLabel('2025-04', ne).bs).toBe('चैत २०८१–बैशाख २०८२');
  });
});
