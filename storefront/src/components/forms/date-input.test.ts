import { describe, expect, it } from 'vitest';
import { dateInputText, readDateInput } from './date-input';

const nepali = { bikramSambat: true };
const english = { bikramSambat: false };

describe('readDateInput', () => {
  it('reads a BS date in Devanagari digits as BS where owners write BS', () => {
    expect(readDateInput('२०८१-०४-१५', nepali)).toEqual({
      kind: 'date',
      calendar: 'bs',
      iso: '2024-07-30',
      ad: { year: 2024, month: 7, day: 30 },
      bs: { year: 2081, month: 4, day: 15 },
    });
  });

  it.each([
    '2081-04-15 BS',
    '2081/4/15 B.S.',
    'वि.सं. २०८१-०४-१५',
    'बि.सं. 2081.04.15',
    '(वि.सं.) 2081 04 15',
  ])('reads %s, marked BS, as 30 July 2024 in either language', (text) => {
    for (const rules of [nepali, english]) {
      expect(readDateInput(text, rules)).toMatchObject({ calendar: 'bs', iso: '2024-07-30' });
    }
  });

  it('reads an unmarked late year as BS in Nepali, and as AD in English', () => {
    expect(readDateInput('2081-04-15', nepali)).toMatchObject({
      calendar: 'bs',
      iso: '2024-07-30',
    });
    expect(readDateInput('2081-04-15', english)).toMatchObject({
      calendar: 'ad',
      iso: '2081-04-15',
    });
  });

  it('reads an AD date, and gives its BS day beside it', () => {
    for (const text of [
      '2024-07-30',
      '2024/7/30',
      '20240730',
      ' 2024-07-30 AD ',
      'ई.सं. 2024-07-30',
    ]) {
      expect(readDateInput(text, nepali)).toEqual({
        kind: 'date',
        calendar: 'ad',
        iso: '2024-07-30',
        ad: { year: 2024, month: 7, day: 30 },
        bs: { year: 2081, month: 4, day: 15 },
      });
    }
  });

  it('reads a marked AD date in Devanagari digits as AD', () => {
    expect(readDateInput('२०२४-०७-३० ई.सं.', nepali)).toMatchObject({
      calendar: 'ad',
      iso: '2024-07-30',
    });
  });

  it('refuses a BS day its month does not have', () => {
    expect(readDateInput('२०८१-०४-३३', nepali)).toEqual({ kind: 'invalid', reason: 'not-a-day' });
    expect(readDateInput('2081-13-01 BS', nepali)).toEqual({
      kind: 'invalid',
      reason: 'not-a-day',
    });
  });

  it('refuses an AD day that does not exist', () => {
    expect(readDateInput('2023-02-29', english)).toEqual({ kind: 'invalid', reason: 'not-a-day' });
    expect(readDateInput('2024-02-29', english)).toMatchObject({ kind: 'date', iso: '2024-02-29' });
  });

  it('refuses a BS year the conversion table does not cover', () => {
    expect(readDateInput('2095-01-01 BS', nepali)).toEqual({
      kind: 'invalid',
      reason: 'outside-table',
    });
  });

  it('refuses text that is not a date, or says both calendars', () => {
    for (const text of ['30 July', 'tomorrow', '2024-07', '24-07-30', '2081-04-15 BS AD']) {
      expect(readDateInput(text, nepali)).toEqual({ kind: 'invalid', reason: 'format' });
    }
  });

  it('reads an empty field as empty', () => {
    expect(readDateInput('  ', nepali)).toEqual({ kind: 'empty' });
  });
});

describe('dateInputText', () => {
  it('shows a stored day in BS with Devanagari digits in Nepali, so it reads back the same', () => {
    const text = dateInputText('2024-07-30', 'ne', nepali);
    expect(text).toBe('२०८१-०४-१५');
    expect(readDateInput(text, nepali)).toMatchObject({ iso: '2024-07-30' });
  });

  it('shows a stored day as it is in English', () => {
    expect(dateInputText('2024-07-30', 'en', english)).toBe('2024-07-30');
  });
});
