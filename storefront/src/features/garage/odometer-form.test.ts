import { describe, expect, it } from 'vitest';
import { readingPayload, type ReadingFormValues } from './odometer-form';

const today = '2026-11-29';
const reading = (overrides: Partial<ReadingFormValues> = {}): ReadingFormValues => ({
  readingKm: '12600',
  readOn: today,
  correction: false,
  ...overrides,
});

describe('readingPayload', () => {
  it('sends the reading as a number with its date', () => {
    expect(readingPayload(reading(), today)).toEqual({
      payload: { readingKm: 12600, readOn: today },
    });
  });

  it('marks a correction and reads Nepali digits', () => {
    expect(readingPayload(reading({ readingKm: '११,०००', correction: true }), today)).toEqual({
      payload: { readingKm: 11000, readOn: today, correction: true },
    });
  });

  it('leaves an empty date to the CMS (today)', () => {
    expect(readingPayload(reading({ readOn: '' }), today)).toEqual({
      payload: { readingKm: 12600 },
    });
  });

  it('refuses a date before 1950 or that is no day, and takes 1950-01-01', () => {
    for (const readOn of ['1949-12-31', '1900-01-01', '2026-02-30']) {
      expect([readOn, readingPayload(reading({ readOn }), today)]).toEqual([
        readOn,
        { errors: [{ field: 'readOn', key: 'garage.errors.readOn' }] },
      ]);
    }
    expect(readingPayload(reading({ readOn: '1950-01-01' }), today)).toEqual({
      payload: { readingKm: 12600, readOn: '1950-01-01' },
    });
  });

  it('refuses a missing or negative reading and a date in the future', () => {
    const result = readingPayload(reading({ readingKm: '-5', readOn: '2026-12-01' }), today);

    expect(result).toEqual({
      errors: [
        { field: 'readingKm', key: 'garage.errors.readingKm' },
        { field: 'readOn', key: 'garage.errors.readOn' },
      ],
    });
  });
});
