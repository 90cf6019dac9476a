import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import {
  calendarEntries,
  costPerKmText,
  spendingInRupees,
  timelineEntries,
} from './service-display';
import type { ServiceRecord, Spending } from './service-record-api';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
const record = (overrides: Partial<ServiceRecord> = {}): ServiceRecord => ({
  id: 'r1',
  vehicleId: 'v1',
  status: 'completed',
  // 20:00 UTC is already the next day in Nepal.
  date: '2026-12-04T20:00:00.000Z',
  kind: 'oil-change',
  costPaisa: 240_050,
  odometerKm: 12_500,
  centerName: 'Sipradi',
  lineItems: [],
  ...overrides,
});

describe('timelineEntries', () => {
  it('puts a service on its day in Nepal, with its cost in rupees and a link', () => {
    expect(timelineEntries([record()], en, 'v1')).toEqual([
      {
        day: '2026-12-05',
        title: 'Oil change',
        href: '/en/garage/v1/services/r1',
        status: 'completed',
        amount: 2400.5,
        detail: 'at Sipradi · at 12,500 km',
      },
    ]);
  });

  it('shows no cost for a planned service and the owner words for "other"', () => {
    const [entry] = timelineEntries(
      [record({ status: 'scheduled', kind: 'other', kindLabel: 'Horn', costPaisa: 500 })],
      ne,
      'v1',
    );
    expect(entry).toMatchObject({ title: 'Horn', status: 'scheduled', amount: undefined });
  });
});

describe('calendarEntries', () => {
  it('marks a cancelled service and names its status in the page language', () => {
    const [entry] = calendarEntries([record({ status: 'cancelled' })], ne, 'v1');
    expect(entry).toMatchObject({ day: '2026-12-05', tone: 'cancelled' });
    expect(entry!.title).toBe('इन्जिन आयल फेर्ने · रद्द गरिएको');
  });
});

describe('spending', () => {
  const spending: Spending = {
    totalPaisa: 300_000,
    byMonth: [{ month: '2026-12', totalPaisa: 300_000 }],
    byKind: [{ kind: 'brakes', totalPaisa: 300_000 }],
    costPerKmPaisa: 250,
    kmDriven: 1200,
  };

  it('converts paisa to rupees for the charts', () => {
    expect(spendingInRupees(spending)).toEqual({
      months: [{ month: '2026-12', amount: 3000 }],
      kinds: [{ kind: 'brakes', amount: 3000 }],
    });
  });

  it('says the cost per km, or when it will show', () => {
    expect(costPerKmText(spending, en)).toBe('Cost per km: Rs 2.50 over 1,200 km.');
    expect(costPerKmText({ ...spending, costPerKmPaisa: null }, en)).toMatch(/two completed/);
  });
});
