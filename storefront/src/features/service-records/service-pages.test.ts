import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLocale } from '~/i18n';
import type { PageContext } from '~/features/forms/page-context';
import {
  cancelServicePage,
  completeServicePage,
  editServicePage,
  newServicePage,
  serviceCalendarPage,
  serviceRecordPage,
} from './service-pages.server';

// What the CMS answers, per call; the calls are recorded. Nothing is sent anywhere.
const cms = vi.hoisted(() => {
  const state = {
    calls: [] as Array<{ name: string; args: unknown[] }>,
    answers: new Map<string, unknown>(),
    answering:
      (name: string) =>
      async (...args: unknown[]) => {
        state.calls.push({ name, args });
        return state.answers.get(name) ?? { ok: true, data: {} };
      },
  };
  return state;
});
vi.mock('~/features/garage/vehicle-api.server', () => ({
  vehicleApi: { get: cms.answering('vehicle.get') },
}));
vi.mock('./service-record-api.server', () => ({
  serviceRecordApi: Object.fromEntries(
    ['list', 'get', 'create', 'update', 'complete', 'cancel', 'spending'].map((name) => [
      name,
      cms.answering(name),
    ]),
  ),
}));

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
const vehicle = { id: 'v1', make: { name: 'Honda' }, model: { name: 'Dio' } };
const record = {
  id: 'r1',
  vehicleId: 'v1',
  status: 'scheduled',
  date: '2026-12-05T04:45:00.000Z',
  kind: 'brakes',
  lineItems: [],
};
const rejected = (status: number, details?: unknown) => ({
  ok: false,
  problem: { kind: 'rejected', status, details },
});

function context(url: string, form?: Record<string, string | string[]>): PageContext {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form ?? {})) {
    for (const one of [value].flat()) body.append(name, one);
  }
  const request = form
    ? new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
    : new Request(url);
  return {
    request,
    url: new URL(url),
    locals: { requestId: 'q1', session: { accessToken: 't' }, csrfToken: 'c' },
    cookies: { get: () => undefined, set() {}, delete() {} },
    clientAddress: '192.0.2.1',
    response: { status: 200, headers: new Headers() },
    redirect: (path: string, status = 302) =>
      new Response(null, { status, headers: { location: path } }),
  } as unknown as PageContext;
}

const called = (name: string) => cms.calls.filter((call) => call.name === name);

beforeEach(() => {
  cms.calls.length = 0;
  cms.answers.clear();
  cms.answers.set('vehicle.get', { ok: true, data: vehicle });
  cms.answers.set('get', { ok: true, data: record });
});

describe('newServicePage', () => {
  const url = 'http://portal.test/en/garage/v1/services/new';

  it('renders the form with a fresh idempotency key each time it is shown', async () => {
    const first = await newServicePage(context(url), en, 'v1');
    const second = await newServicePage(context(url), en, 'v1');
    expect(first).toMatchObject({ kind: 'form', errors: [] });
    const keyOf = (view: unknown) =>
      (view as { values: { idempotencyKey: string } }).values.idempotencyKey;
    expect(keyOf(first)).toMatch(/^[\w-]{20,}$/);
    expect(keyOf(first)).not.toBe(keyOf(second));
  });

  it('sends the form with the key it was rendered with and shows the record made', async () => {
    cms.answers.set('create', { ok: true, data: { ...record, id: 'r9' } });
    const form = { date: '2026-12-05', time: '10:30', kind: 'brakes', idempotencyKey: 'k-1' };
    const response = await newServicePage(context(url, form), en, 'v1');

    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get('location')).toBe(
      '/en/garage/v1/services/r9?done=scheduled',
    );
    const [create] = called('create');
    expect(create!.args.slice(1)).toEqual([
      expect.objectContaining({ vehicleId: 'v1', scheduledAt: '2026-12-05T10:30:00+05:45' }),
      'k-1',
    ]);
  });

  it('keeps what was typed and the key when the portal refuses the form', async () => {
    const form = { date: 'soon', kind: 'brakes', idempotencyKey: 'k-1' };
    const view = await newServicePage(context(url, form), en, 'v1');
    expect(view).toMatchObject({
      kind: 'form',
      values: { date: 'soon', idempotencyKey: 'k-1' },
      errors: [{ field: 'date' }],
    });
    expect(called('create')).toHaveLength(0);
  });

  it("shows the CMS's refusal at the field it names", async () => {
    cms.answers.set('create', rejected(400, { errors: [{ path: ['scheduledAt'] }] }));
    const form = { date: '2026-12-05', kind: 'brakes', idempotencyKey: 'k-1' };
    const view = await newServicePage(context(url, form), en, 'v1');
    expect(view).toMatchObject({
      kind: 'form',
      errors: [{ field: 'date', key: 'serviceRecords.errors.date' }],
    });
  });

  it('gives the form a new key when the CMS says the key made a record with other details', async () => {
    cms.answers.set('create', rejected(422));
    const form = { date: '2026-12-05', kind: 'brakes', idempotencyKey: 'k-1' };
    const view = await newServicePage(context(url, form), en, 'v1');
    expect(view).toMatchObject({
      kind: 'form',
      errors: [{ key: 'serviceRecords.errors.alreadySent' }],
    });
    expect((view as { values: { idempotencyKey: string } }).values.idempotencyKey).not.toBe('k-1');
  });

  it("is not found for another owner's vehicle", async () => {
    cms.answers.set('vehicle.get', rejected(404));
    expect(await newServicePage(context(url), en, 'v1')).toEqual({ kind: 'not-found' });
  });

  it('sends a signed-out owner to the login page', async () => {
    cms.answers.set('vehicle.get', rejected(401));
    const response = await newServicePage(context(url), en, 'v1');
    expect((response as Response).headers.get('location')).toMatch(/^\/en\/login\?next=/);
  });
});

describe('editServicePage', () => {
  const url = 'http://portal.test/ne/garage/v1/services/r1/edit';

  it('shows the planned day as the Nepali owner writes it, in BS', async () => {
    // 2026-12-05 04:45 UTC is 10:30 on 2083 Mangsir 19 BS in Nepal.
    const view = await editServicePage(context(url), ne, 'v1', 'r1');
    expect(view).toMatchObject({
      kind: 'form',
      values: { date: '२०८३-०८-१९', time: '10:30', kind: 'brakes' },
    });
  });

  it('saves the change and shows the record', async () => {
    cms.answers.set('update', { ok: true, data: record });
    const form = { date: '२०८३-०८-२०', time: '09:00', kind: 'tyres' };
    const response = await editServicePage(context(url, form), ne, 'v1', 'r1');
    expect((response as Response).headers.get('location')).toBe(
      '/ne/garage/v1/services/r1?done=updated',
    );
    expect(called('update')[0]!.args.slice(1)).toEqual([
      'r1',
      expect.objectContaining({ scheduledAt: '2026-12-06T09:00:00+05:45', kind: 'tyres' }),
    ]);
  });
});

describe('editServicePage of a completed service', () => {
  const url = 'http://portal.test/en/garage/v1/services/r1/edit';

  it('corrects only the bill and the notes', async () => {
    cms.answers.set('get', { ok: true, data: { ...record, status: 'completed', costPaisa: 5000 } });
    expect(await editServicePage(context(url), en, 'v1', 'r1')).toMatchObject({
      kind: 'bill',
      values: { cost: '50' },
    });
    cms.answers.set('update', { ok: true, data: record });
    const response = await editServicePage(
      context(url, { cost: '75', notes: 'Receipt' }),
      en,
      'v1',
      'r1',
    );
    expect((response as Response).headers.get('location')).toBe(
      '/en/garage/v1/services/r1?done=updated',
    );
    expect(called('update')[0]!.args[2]).toEqual({
      costPaisa: 7500,
      lineItems: [],
      notes: 'Receipt',
    });
  });

  it('shows the page of a cancelled service instead', async () => {
    cms.answers.set('get', { ok: true, data: { ...record, status: 'cancelled' } });
    const response = await editServicePage(context(url), en, 'v1', 'r1');
    expect((response as Response).headers.get('location')).toBe('/en/garage/v1/services/r1');
  });
});

describe('completeServicePage', () => {
  const url = 'http://portal.test/en/garage/v1/services/r1/complete';

  it('completes with the bill lines and shows the record', async () => {
    cms.answers.set('complete', { ok: true, data: { ...record, status: 'completed' } });
    const form = {
      date: '2026-11-30',
      odometerKm: '12500',
      lineCategory: ['parts', 'labour', 'parts'],
      lineLabel: ['Pads', 'Fitting', ''],
      lineAmount: ['1800', '600', ''],
    };
    const response = await completeServicePage(
      context(url, form),
      en,
      'v1',
      'r1',
      new Date('2026-12-01T06:00:00Z'),
    );
    expect((response as Response).headers.get('location')).toBe(
      '/en/garage/v1/services/r1?done=completed',
    );
    const [complete] = called('complete');
    expect(complete!.args[2]).toMatchObject({
      completedAt: '2026-11-30T12:00:00+05:45',
      odometerKm: 12500,
      lineItems: [{ amountPaisa: 180_000 }, { amountPaisa: 60_000 }],
    });
  });

  it('shows a lower odometer at its field and keeps three rows to type in', async () => {
    cms.answers.set('complete', rejected(400, { errors: [{ path: ['odometerKm'] }] }));
    const view = await completeServicePage(
      context(url, { date: '2026-11-30', odometerKm: '10' }),
      en,
      'v1',
      'r1',
    );
    expect(view).toMatchObject({
      kind: 'form',
      errors: [{ field: 'odometerKm', key: 'serviceRecords.errors.odometerLower' }],
    });
    expect((view as { values: { lines: unknown[] } }).values.lines).toHaveLength(3);
  });

  it('shows the page of a service that is no longer planned', async () => {
    cms.answers.set('get', { ok: true, data: { ...record, status: 'completed' } });
    const response = await completeServicePage(context(url), en, 'v1', 'r1');
    expect((response as Response).headers.get('location')).toBe('/en/garage/v1/services/r1');
  });

  it('is not found when the record belongs to another vehicle', async () => {
    cms.answers.set('get', { ok: true, data: { ...record, vehicleId: 'v2' } });
    expect(await completeServicePage(context(url), en, 'v1', 'r1')).toEqual({ kind: 'not-found' });
  });
});

describe('cancelServicePage and serviceRecordPage', () => {
  it('asks first, then cancels on the post', async () => {
    const url = 'http://portal.test/ne/garage/v1/services/r1/cancel';
    expect(await cancelServicePage(context(url), ne, 'v1', 'r1')).toMatchObject({ kind: 'record' });
    expect(called('cancel')).toHaveLength(0);
    cms.answers.set('cancel', { ok: true, data: { ...record, status: 'cancelled' } });
    const response = await cancelServicePage(context(url, {}), ne, 'v1', 'r1');
    expect((response as Response).headers.get('location')).toBe(
      '/ne/garage/v1/services/r1?done=cancelled',
    );
  });

  it('explains a cancel refused because the status changed meanwhile', async () => {
    cms.answers.set('cancel', rejected(409));
    const view = await cancelServicePage(context('http://portal.test/en/x', {}), en, 'v1', 'r1');
    expect(view).toMatchObject({ errors: [{ key: 'serviceRecords.errors.statusChanged' }] });
  });

  it('shows only the confirmations it knows', async () => {
    const shown = await serviceRecordPage(
      context('http://portal.test/en/x?done=completed'),
      en,
      'v1',
      'r1',
    );
    const unknown = await serviceRecordPage(
      context('http://portal.test/en/x?done=toString'),
      en,
      'v1',
      'r1',
    );
    expect(shown).toMatchObject({ done: 'completed' });
    expect(unknown).toMatchObject({ done: undefined });
  });
});

describe('serviceCalendarPage', () => {
  it("asks the CMS for the BS month's AD days in Nepali", async () => {
    cms.answers.set('list', { ok: true, data: { items: [record], nextCursor: null } });
    // Poush 2081 BS runs from 2024-12-16 to 2025-01-13 AD.
    const view = await serviceCalendarPage(
      context('http://portal.test/ne/garage/v1/services/calendar?month=2081-09'),
      ne,
      'v1',
    );
    expect(view).toMatchObject({
      kind: 'calendar',
      month: { calendar: 'bs', year: 2081, month: 9 },
    });
    expect(called('list')[0]!.args[1]).toMatchObject({
      vehicle: 'v1',
      from: '2024-12-16',
      to: '2025-01-13',
    });
  });
});
