import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { monthGrid } from './month-calendar';
import { adRange, calendarFor, dayText, monthTitle, weekdayHeaders } from './month-calendar-text';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;
const shrawan = { calendar: 'bs', year: 2081, month: 4 } as const;
const july = { calendar: 'ad', year: 2024, month: 7 } as const;

describe('calendarFor', () => {
  it('shows Bikram Sambat months in Nepali and Gregorian months in English', () => {
    expect(calendarFor(ne)).toBe('bs');
    expect(calendarFor(en)).toBe('ad');
  });
});

describe('month titles', () => {
  it('names a BS month with Devanagari digits and its AD range in Nepali', () => {
    expect(monthTitle(shrawan, ne)).toBe('साउन २०८१');
    expect(adRange(shrawan, ne)).toMatch(/^२०२४ जुलाई १६\s?–\s?अगस्ट १६$/);
  });

  it('names a Gregorian month in English, without a range', () => {
    expect(monthTitle(july, en)).toBe('July 2024');
    expect(adRange(july, en)).toBeUndefined();
  });

  it('starts the week on Sunday in both languages', () => {
    expect(weekdayHeaders(ne)[0]).toEqual({ short: 'आइत', long: 'आइतबार' });
    expect(weekdayHeaders(en)[6]).toEqual({ short: 'Sat', long: 'Saturday' });
  });
});

describe('dayText', () => {
  const grid = monthGrid(shrawan, [], '2024-07-30');

  it('writes BS day numbers in Devanagari with the AD day beside', () => {
    const day = dayText(grid.days[14]!, shrawan, ne);
    expect(day).toEqual({
      number: '१५',
      beside: '३०',
      label: 'मंगलबार, २०८१ साउन १५ (२०२४ जुलाई ३०)',
    });
  });

  it('names the AD month beside the first day and beside the first of an AD month', () => {
    expect(dayText(grid.days[0]!, shrawan, ne).beside).toBe('जुलाई १६');
    expect(dayText(grid.days[16]!, shrawan, ne)).toMatchObject({ number: '१७', beside: 'अगस्ट १' });
  });

  it('writes plain AD days in English', () => {
    const adGrid = monthGrid(july, [], '2024-07-30');
    expect(dayText(adGrid.days[29]!, july, en)).toEqual({
      number: '30',
      label: 'Tuesday, July 30, 2024',
    });
  });
});
