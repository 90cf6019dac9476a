import { describe, expect, it } from 'vitest';
import { parseLocale, t, type Locale } from '~/i18n';
import { datePreviewSettings, readDateField } from './date-field';
import { otherCalendarText } from './date-preview';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('readDateField', () => {
  it('gives the CMS the AD day of a BS date typed in Nepali', () => {
    expect(readDateField('expiresOn', '२०८१-०४-१५', ne)).toEqual({ value: '2024-07-30' });
  });

  it('takes an AD date in either language', () => {
    expect(readDateField('expiresOn', '2024-07-30', ne)).toEqual({ value: '2024-07-30' });
    expect(readDateField('expiresOn', '2024-07-30', en)).toEqual({ value: '2024-07-30' });
  });

  it('leaves an empty optional field unset, and names an empty required one', () => {
    expect(readDateField('issuedOn', '', en)).toEqual({ value: undefined });
    expect(readDateField('issuedOn', '', en, { required: true })).toEqual({
      error: { field: 'issuedOn', key: 'forms.errors.date.required' },
    });
  });

  it('names the field and the reason for text that is not a date', () => {
    expect(readDateField('issuedOn', 'soon', ne)).toEqual({
      error: { field: 'issuedOn', key: 'forms.errors.date.format' },
    });
    expect(readDateField('issuedOn', '२०८१-०४-३३', ne)).toEqual({
      error: { field: 'issuedOn', key: 'forms.errors.date.notADay' },
    });
  });

  it('refuses a day outside the bounds, naming them in the owner’s language', () => {
    const bounds = { min: '2024-01-01', max: '2024-12-31' };
    const result = readDateField('scheduledOn', '२०८२-०१-०१', ne, bounds);
    expect(result.error).toMatchObject({ field: 'scheduledOn', key: 'forms.errors.date.between' });
    const { key, params } = result.error!;
    expect(t(ne, key, params)).toBe(
      '२०२४ जनवरी १ (वि.सं. २०८० पुस १६) देखि २०२४ डिसेम्बर ३१ (वि.सं. २०८१ पुस १६) सम्मको मिति लेख्नुहोस्',
    );
    expect(readDateField('scheduledOn', '2024-12-31', en, bounds)).toEqual({ value: '2024-12-31' });
    expect(readDateField('d', '2025-01-01', en, { max: '2024-12-31' }).error?.key).toBe(
      'forms.errors.date.notAfter',
    );
    expect(readDateField('d', '2023-12-31', en, { min: '2024-01-01' }).error?.key).toBe(
      'forms.errors.date.notBefore',
    );
  });
});

describe('otherCalendarText', () => {
  it('shows the AD day of a BS date in Nepali', () => {
    expect(otherCalendarText('२०८१-०४-१५', datePreviewSettings(ne))).toBe(
      'अर्थात् ई.सं. २०२४ जुलाई ३०',
    );
  });

  it('shows the BS day of an AD date, in the page’s words', () => {
    expect(otherCalendarText('2024-07-30', datePreviewSettings(ne))).toBe(
      'अर्थात् वि.सं. २०८१ साउन १५',
    );
    expect(otherCalendarText('2024-07-30', datePreviewSettings(en))).toBe(
      'That is 15 Shrawan 2081 BS.',
    );
    expect(otherCalendarText('2081-04-15 BS', datePreviewSettings(en))).toBe(
      'That is July 30, 2024 AD.',
    );
  });

  it('shows nothing while the text is not a date yet', () => {
    expect(otherCalendarText('2081-04', datePreviewSettings(ne))).toBe('');
  });
});
