import { describe, expect, it } from 'vitest';
import { createCmsApi } from '~/lib/cms-api';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { createServiceRecordApi } from './service-record-api';

const record = {
  id: 'r1',
  vehicleId: 'v1',
  status: 'scheduled',
  date: '2026-12-05T04:45:00.000Z',
  scheduledAt: '2026-12-05T04:45:00.000Z',
  completedAt: null,
  kind: 'oil-change',
  kindName: 'Oil change',
  kindLabel: null,
  odometerKm: null,
  currency: 'NPR',
  costPaisa: null,
  lineItems: [],
  centerName: null,
  notes: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

/** A CMS caller over a fetch that records what it was asked and answers `answer`. */
function apiAnswering(answer: unknown, status = 200) {
  const requests: Request[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(answer), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  const api = createServiceRecordApi(
    createCmsApi({ baseUrl: 'http://cms.test', fetch: fetchStub as typeof fetch }),
  );
  return { api, requests };
}

const owner: OwnerRequest = { accessToken: 'token', locale: 'ne', context: { requestId: 'q1' } };

describe('createServiceRecordApi', () => {
  it('sends a new service with its Idempotency-Key and the owner token', async () => {
    const { api, requests } = apiAnswering({ data: record }, 201);
    const payload = {
      vehicleId: 'v1',
      scheduledAt: '2026-12-05T10:30:00+05:45',
      kind: 'oil-change',
    };
    const result = await api.create(owner, payload, 'key-123');

    expect(result).toMatchObject({ ok: true, data: { id: 'r1', status: 'scheduled' } });
    const [request] = requests;
    expect(request!.url).toBe('http://cms.test/api/service-records?locale=ne');
    expect(request!.headers.get('idempotency-key')).toBe('key-123');
    expect(request!.headers.get('authorization')).toBe('Bearer token');
    expect(await request!.json()).toEqual({ data: payload });
  });

  it('lists with the filters in the query and returns the next cursor', async () => {
    const { api, requests } = apiAnswering({
      data: [record],
      meta: { pagination: { limit: 100, nextCursor: 'c2' } },
    });
    const result = await api.list(owner, { vehicle: 'v/1', from: '2026-12-01', to: '2026-12-31' });

    expect(result).toEqual({
      ok: true,
      data: { items: [expect.objectContaining({ id: 'r1' })], nextCursor: 'c2' },
    });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/service-records');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      locale: 'ne',
      vehicle: 'v/1',
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('completes and cancels through their own routes, the id path-encoded', async () => {
    const { api, requests } = apiAnswering({ data: { ...record, status: 'cancelled' } });
    await api.complete(owner, 'r/1', { completedAt: '2026-12-05T12:00:00+05:45' });
    await api.cancel(owner, 'r1');

    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(
      ['POST /api/service-records/r%2F1/complete', 'POST /api/service-records/r1/cancel'],
    );
  });

  it('keeps the refusal, with the field the CMS names', async () => {
    const { api } = apiAnswering(
      {
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'odometerKm',
          details: { errors: [{ path: ['odometerKm'] }] },
        },
      },
      400,
    );
    const result = await api.complete(owner, 'r1', { completedAt: '2026-12-05T12:00:00+05:45' });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'rejected', status: 400 } });
  });

  it('reads the spending of a vehicle', async () => {
    const spending = {
      vehicleId: 'v1',
      currency: 'NPR',
      totalPaisa: 240_000,
      byMonth: [{ month: '2026-12', totalPaisa: 240_000 }],
      byKind: [{ kind: 'oil-change', name: 'Oil change', totalPaisa: 240_000, count: 1 }],
      costPerKmPaisa: null,
      kmDriven: null,
    };
    const { api, requests } = apiAnswering({ data: spending });
    const result = await api.spending(owner, 'v1');
    expect(result).toMatchObject({ ok: true, data: { totalPaisa: 240_000 } });
    expect(new URL(requests[0]!.url).pathname).toBe('/api/vehicles/v1/spending');
  });
});
