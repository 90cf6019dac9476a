import { describe, expect, it } from 'vitest';
import type { CmsApi, CmsCall } from '~/lib/cms-api';
import { createRemindersApi, nextReminderByVehicle, type Reminder } from './reminders-api';

const reminder = (id: string, vehicleId: string | null, tier: Reminder['tier']): Reminder => ({
  id,
  vehicleId,
  kind: 'oil-change',
  name: 'Oil change',
  title: null,
  dueDate: '2026-12-20',
  dueKm: null,
  recurrence: null,
  schedule: 'from-completion',
  status: 'active',
  snoozedUntil: null,
  occurrence: 1,
  lastCompletedAt: null,
  lastCompletedKm: null,
  tier,
  daysLeft: 19,
  kmLeft: null,
  projection: null,
  nextDue: { date: '2026-12-20', km: null },
});

const owner = {
  accessToken: 'token',
  locale: 'ne',
  context: { requestId: 'req-1' } as never,
};

/** Records each call and answers with what the CMS would (pure request shaping). */
function recording(answer: unknown) {
  const calls: Array<CmsCall<unknown>> = [];
  const call = (async (request: CmsCall<unknown>) => {
    calls.push(request);
    const parsed = request.schema.safeParse(answer);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, problem: { kind: 'invalid-response', status: 200, reason: 'schema' } };
  }) as CmsApi;
  return { calls, api: createRemindersApi(call) };
}

describe('createRemindersApi', () => {
  it('lists in the asked language, one full page, narrowed to a vehicle when asked', async () => {
    const { calls, api } = recording({
      data: [reminder('r1', 'v1', 'due')],
      meta: { pagination: { limit: 100, nextCursor: null } },
    });
    const result = await api.list(owner, { vehicle: 'v/1' });
    expect(result).toMatchObject({ ok: true, data: { items: [{ id: 'r1' }], nextCursor: null } });
    expect(calls[0]).toMatchObject({ method: 'GET', token: 'token' });
    expect(calls[0].path).toBe('/api/reminders?locale=ne&limit=100&vehicle=v%2F1');
  });

  it('posts snooze, dismiss and complete to the reminder’s own route', async () => {
    const { calls, api } = recording({ data: reminder('r 1', 'v1', 'upcoming') });
    await api.snooze(owner, 'r 1', '2026-12-15');
    await api.dismiss(owner, 'r 1');
    await api.complete(owner, 'r 1', { odometerKm: 12500 });
    await api.complete(owner, 'r 1', {});
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', '/api/reminders/r%201/snooze?locale=ne', { data: { until: '2026-12-15' } }],
      ['POST', '/api/reminders/r%201/dismiss?locale=ne', undefined],
      ['POST', '/api/reminders/r%201/complete?locale=ne', { data: { odometerKm: 12500 } }],
      ['POST', '/api/reminders/r%201/complete?locale=ne', undefined],
    ]);
  });
});

describe('nextReminderByVehicle', () => {
  it('keeps the first (most urgent, as the CMS orders them) per vehicle', () => {
    const next = nextReminderByVehicle([
      reminder('a', 'v1', 'overdue'),
      reminder('b', 'v2', 'due'),
      reminder('c', 'v1', 'upcoming'),
      reminder('d', null, 'due'),
    ]);
    expect([...next].map(([vehicle, item]) => [vehicle, item.id])).toEqual([
      ['v1', 'a'],
      ['v2', 'b'],
    ]);
  });
});

describe('reading and changing one reminder', () => {
  it('gets it, and PUTs the changes under { data } to its path', async () => {
    const { calls, api } = recording({ data: reminder('r/1', 'v1', 'upcoming') });
    expect((await api.get(owner, 'r/1')).ok).toBe(true);
    const changed = await api.update(owner, 'r/1', {
      kind: 'oil-change',
      title: null,
      dueDate: '2027-01-10',
      dueKm: null,
      everyMonths: 4,
      everyKm: null,
      schedule: 'from-completion',
    });
    expect(changed).toMatchObject({ ok: true, data: { id: 'r/1' } });
    expect(calls.map((call) => [call.method ?? 'GET', call.path])).toEqual([
      ['GET', '/api/reminders/r%2F1?locale=ne'],
      ['PUT', '/api/reminders/r%2F1?locale=ne'],
    ]);
    expect(calls[1]!.body).toEqual({
      data: {
        kind: 'oil-change',
        title: null,
        dueDate: '2027-01-10',
        dueKm: null,
        everyMonths: 4,
        everyKm: null,
        schedule: 'from-completion',
      },
    });
  });
});
