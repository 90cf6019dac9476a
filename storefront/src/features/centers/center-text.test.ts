import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import { districtChoices, districtName, formatClock, formatKm, serviceName } from './center-text';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;

describe('center text', () => {
  it('names districts from the gazetteer in the page’s language', () => {
    expect(districtName('kaski', en)).toBe('Kaski');
    expect(districtName('kaski', ne)).toBe('कास्की');
    expect(districtName('atlantis', ne, 'Atlantis')).toBe('Atlantis');
    expect(districtChoices(ne)).toHaveLength(77);
  });

  it('names service kinds from the service-record catalogue', () => {
    expect(serviceName('oil-change', en)).toBe('Oil change');
    expect(serviceName('oil-change', ne)).toBe('इन्जिन आयल फेर्ने');
    expect(serviceName('teleport', ne)).toBe('teleport');
  });

  it('writes numbers in the page’s digits', () => {
    expect(formatKm(2.44, en)).toBe('2.4');
    expect(formatKm(2.44, ne)).toBe('२.४');
    expect(formatClock('09:30', ne)).toBe('०९:३०');
    expect(formatClock('18:05', en)).toBe('18:05');
  });
});
