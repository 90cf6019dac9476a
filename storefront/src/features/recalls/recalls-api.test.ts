import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readForm } from '~/features/forms/form-data';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { parseLocale } from '~/i18n';
import { createCmsApi } from '~/lib/cms-api';
import { readRecallAction, statusField } from './recall-actions';
import { createRecallsApi, isOpen, type VehicleRecall } from './recalls-api';
import { postRecallStatus } from './recalls-page';

const en = parseLocale('en')!;
const owner: OwnerRequest = { accessToken: 'jwt-1', locale: 'ne', context: { requestId: 'req-r' } };
const RECALL = 'rc1aaaaaaaaaaaaaaaaaaaaa';
const VEHICLE = 'v1bbbbbbbbbbbbbbbbbbbbbb';

const item = (
  id: string,
  severity: VehicleRecall['recall']['severity'],
  publishedAt: string,
  status: VehicleRecall['status'] = 'possible',
): VehicleRecall => ({
  recall: {
    id,
    campaignId: `CMP-${id}`,
    title: `Recall ${id}`,
    summary: 'Brake hose may chafe',
    make: { id: 'mk1', name: 'Bajaj' },
    model: { id: 'md1', name: 'Chetak' },
    yearFrom: 2020,
    yearTo: 2024,
    severity,
    remedy: 'Dealer replaces the hose free of charge',
    sourceUrl: 'https://example.com/recall',
    publishedAt,
  },
  vehicle: { id: VEHICLE, registrationNumber: 'BA 1 PA 1234', label: 'Bajaj Chetak 2022' },
  status,
  statusUpdatedAt: null,
});

/**
 * A loopback CMS with the two recall routes of CONTRACTS.md: the list (in an order the portal
 * must not rely on) and the PUT of a status, 404 for a vehicle that is not the owner's, 400
 * naming `status` for a status it does not know, 401 for a revoked token.
 */
let server: Server;
let cmsUrl: string;
let calls: Array<{ method: string; url: string; authorization?: string; body?: unknown }>;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const text = Buffer.concat(chunks).toString();
      calls.push({
        method: request.method!,
        url,
        authorization: request.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      });
      const json = (status: number, value: unknown) =>
        response
          .writeHead(status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(value));
      const refuse = (status: number, field?: string) =>
        json(status, {
          data: null,
          error: {
            status,
            name: 'Error',
            message: 'refused',
            details: field ? { errors: [{ path: [field], message: 'bad' }] } : {},
          },
        });
      if (request.headers.authorization !== 'Bearer jwt-1') return refuse(401);
      if (request.method === 'GET' && url.startsWith('/api/recalls/mine?')) {
        return json(200, {
          data: [
            item('low1', 'low', '2026-11-01T00:00:00Z'),
            item('crit', 'critical', '2026-10-01T00:00:00Z'),
            item('high-old', 'high', '2026-09-01T00:00:00Z', 'fixed'),
            item('high-new', 'high', '2026-11-20T00:00:00Z', 'acknowledged'),
          ],
        });
      }
      const put = /^\/api\/recalls\/([^/]+)\/vehicles\/([^/?]+)\?/.exec(url);
      if (request.method === 'PUT' && put) {
        if (put[2] !== VEHICLE) return refuse(404);
        const status = (JSON.parse(text) as { data: { status: string } }).data.status;
        if (!['possible', 'acknowledged', 'fixed'].includes(status)) return refuse(400, 'status');
        return json(200, { data: { ...item(put[1]!, 'high', '2026-11-20T00:00:00Z'), status } });
      }
      return refuse(404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls = [];
});

const api = () => createRecallsApi(createCmsApi({ baseUrl: cmsUrl }));

const form = (fields: Record<string, string>) =>
  readForm(
    new Request('http://portal.test/en/recalls', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }),
  );

describe('recalls api', () => {
  it('lists the owner’s recalls in their language, most severe then newest first', async () => {
    const result = await api().mine(owner);
    expect(result.ok && result.data.map((value) => value.recall.id)).toEqual([
      'crit',
      'high-new',
      'high-old',
      'low1',
    ]);
    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: '/api/recalls/mine?locale=ne',
      authorization: 'Bearer jwt-1',
    });
    expect(result.ok && result.data.filter(isOpen).map((value) => value.recall.id)).toEqual([
      'crit',
      'high-new',
      'low1',
    ]);
  });

  it('narrows to one vehicle', async () => {
    await api().mine(owner, 'v/1');
    expect(calls[0]!.url).toBe('/api/recalls/mine?locale=ne&vehicle=v%2F1');
  });

  it('PUTs the status to the recall’s vehicle route', async () => {
    const result = await api().setStatus(owner, RECALL, VEHICLE, 'acknowledged');
    expect(result).toMatchObject({ ok: true, data: { status: 'acknowledged' } });
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      url: `/api/recalls/${RECALL}/vehicles/${VEHICLE}?locale=ne`,
      body: { data: { status: 'acknowledged' } },
    });
  });
});

describe('the status form', () => {
  const field = statusField(RECALL, VEHICLE);

  it('sets the status and returns to where the form was, at the panel', async () => {
    const done = await postRecallStatus(
      api(),
      owner,
      en,
      await form({
        recallId: RECALL,
        vehicleId: VEHICLE,
        back: 'vehicle',
        [field]: 'acknowledged',
      }),
    );
    expect(done).toEqual({
      kind: 'redirect',
      to: `/en/garage/${VEHICLE}?recall=acknowledged#recalls`,
    });
    const garage = await postRecallStatus(
      api(),
      owner,
      en,
      await form({ recallId: RECALL, vehicleId: VEHICLE, back: 'garage', [field]: 'fixed' }),
    );
    expect(garage).toEqual({ kind: 'redirect', to: '/en/garage?recall=fixed#recalls' });
  });

  it('refuses an unknown status at its radios, without calling the CMS', async () => {
    const read = readRecallAction(
      await form({ recallId: RECALL, vehicleId: VEHICLE, [field]: 'ignored' }),
    );
    expect(read).toMatchObject({ ok: false, errors: [{ field, key: 'recalls.errors.status' }] });
    expect(
      await postRecallStatus(
        api(),
        owner,
        en,
        await form({ recallId: RECALL, vehicleId: VEHICLE }),
      ),
    ).toMatchObject({ kind: 'refused', status: 400, errors: [{ field }] });
    expect(calls).toHaveLength(0);
  });

  it('refuses ids that are not ids', async () => {
    expect(
      readRecallAction(await form({ recallId: '../x', vehicleId: VEHICLE, back: 'garage' })),
    ).toMatchObject({ ok: false, back: 'garage', errors: [{ key: 'recalls.errors.gone' }] });
  });

  it('says the recall is gone when the vehicle is not the owner’s (CMS 404)', async () => {
    const other = 'v2cccccccccccccccccccccc';
    expect(
      await postRecallStatus(
        api(),
        owner,
        en,
        await form({ recallId: RECALL, vehicleId: other, [statusField(RECALL, other)]: 'fixed' }),
      ),
    ).toEqual({ kind: 'refused', status: 404, errors: [{ key: 'recalls.errors.gone' }] });
  });

  it('signs the owner out when the CMS no longer takes the token', async () => {
    const revoked = { ...owner, accessToken: 'revoked' };
    expect(
      await postRecallStatus(
        api(),
        revoked,
        en,
        await form({ recallId: RECALL, vehicleId: VEHICLE, [field]: 'fixed' }),
      ),
    ).toEqual({ kind: 'signed-out' });
  });
});
