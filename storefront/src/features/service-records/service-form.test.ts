import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import {
  newServiceForm,
  readTime,
  serviceFormOf,
  servicePayload,
  type ServiceFormValues,
} from './service-form';
import type { ServiceRecord } from './service-record-api';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
const form = (overrides: Partial<ServiceFormValues> = {}): ServiceFormValues => ({
  ...newServiceForm('key-1'),
  date: '2026-12-05',
  ...overrides,
});

describe('servicePayload', () => {
  it('plans the service at the typed time in Nepal', () => {
    expect(servicePayload(form({ time: '14:30', centerName: 'Sipradi' }), en)).toEqual({
      payload: {
        scheduledAt: '2026-12-05T14:30:00+05:45',
        kind: 'general-service',
        kindLabel: null,
        centerName: 'Sipradi',
        notes: null,
      },
    });
  });

  it('plans it at 10:00 when no time is given', () => {
    const result = servicePayload(form({ time: '' }), en);
    expect(result).toMatchObject({ payload: { scheduledAt: '2026-12-05T10:00:00+05:45' } });
  });

  it('reads a Bikram Sambat date in Nepali, in Devanagari digits too', () => {
    // 2081 Poush 20 BS is 2025-01-04 AD.
    expect(servicePayload(form({ date: '२०८१-०९-२०' }), ne)).toMatchObject({
      payload: { scheduledAt: '2025-01-04T10:00:00+05:45' },
    });
  });

  it('names the date, time and kind fields it refuses', () => {
    const result = servicePayload(form({ date: '', time: '25:00', kind: 'teleport' }), en);
    expect(result).toEqual({
      errors: [
        { field: 'date', key: 'forms.errors.date.required' },
        { field: 'time', key: 'serviceRecords.errors.time' },
        { field: 'kind', key: 'serviceRecords.errors.kind' },
      ],
    });
  });

  it('needs words for a kind of "other" and sends them', () => {
    expect(servicePayload(form({ kind: 'other' }), en)).toEqual({
      errors: [{ field: 'kindLabel', key: 'serviceRecords.errors.kindLabel' }],
    });
    expect(servicePayload(form({ kind: 'other', kindLabel: 'Horn' }), en)).toMatchObject({
      payload: { kind: 'other', kindLabel: 'Horn' },
    });
  });

  it('refuses a centre name longer than the CMS takes', () => {
    const result = servicePayload(form({ centerName: 'x'.repeat(121) }), en);
    expect(result).toEqual({
      errors: [{ field: 'centerName', key: 'serviceRecords.errors.tooLong', params: { max: 120 } }],
    });
  });
});

describe('readTime', () => {
  it.each([
    ['9:05', '09:05'],
    ['१४:३०', '14:30'],
    ['14.30', '14:30'],
  ])('reads %s as %s', (text, time) => expect(readTime(text)).toBe(time));

  it.each(['24:00', '7', '12:60', 'noon'])('refuses %s', (text) => {
    expect(readTime(text)).toBeUndefined();
  });
});

describe('serviceFormOf', () => {
  const record = {
    id: 'r1',
    vehicleId: 'v1',
    status: 'scheduled',
    date: '2025-01-04T08:15:00.000Z',
    scheduledAt: '2025-01-04T08:15:00.000Z',
    kind: 'brakes',
    lineItems: [],
  } as ServiceRecord;

  it('shows the planned day and time in Nepal, the day in BS in Nepali', () => {
    expect(serviceFormOf(record, en)).toMatchObject({ date: '2025-01-04', time: '14:00' });
    expect(serviceFormOf(record, ne)).toMatchObject({ date: '२०८१-०९-२०', time: '14:00' });
  });
});
