import { describe, expect, it, vi } from 'vitest';
import { createCmsApi } from '~/lib/cms-api';
import { vehicleBody } from './fixtures/vehicles';
import { createVehicleApi, type OwnerRequest } from './vehicle-api';

const owner: OwnerRequest = {
  accessToken: 'access',
  locale: 'ne',
  context: { requestId: 'req-1' },
};

function apiAnswering(respond: () => Response) {
  const fetch = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => respond());
  return { api: createVehicleApi(createCmsApi({ baseUrl: 'http://cms.test', fetch })), fetch };
}

const sent = (fetch: ReturnType<typeof apiAnswering>['fetch']) => {
  const [url, init] = fetch.mock.calls[0]!;
  return { url: String(url), init, headers: new Headers(init?.headers) };
};

describe('vehicle API: list', () => {
  it('reads a page of vehicles and the cursor of the next one', async () => {
    const { api } = apiAnswering(() =>
      Response.json({
        data: [vehicleBody(), vehicleBody({ id: 'veh2', nickname: null, trim: null })],
        meta: { pagination: { limit: 2, nextCursor: 'next.sig' } },
      }),
    );

    const result = await api.list(owner, { limit: 2 });

    expect(result.ok && result.data.nextCursor).toBe('next.sig');
    expect(result.ok && result.data.items.map((vehicle) => vehicle.id)).toEqual(['veh1', 'veh2']);
    expect(result.ok && result.data.items[1]!.trim).toBeNull();
  });

  it('asks for the page in the owner’s language with the bearer token', async () => {
    const { api, fetch } = apiAnswering(() =>
      Response.json({ data: [], meta: { pagination: { limit: 12, nextCursor: null } } }),
    );

    await api.list(owner, { limit: 12, cursor: 'abc.def' });

    const { url, headers } = sent(fetch);
    expect(url).toBe('http://cms.test/api/vehicles?locale=ne&limit=12&cursor=abc.def');
    expect(headers.get('authorization')).toBe('Bearer access');
  });

  it('treats a last page without a cursor as the end', async () => {
    const { api } = apiAnswering(() => Response.json({ data: [], meta: { pagination: {} } }));

    expect(await api.list(owner)).toEqual({ ok: true, data: { items: [], nextCursor: null } });
  });
});

describe('vehicle API: one vehicle', () => {
  it('keeps a vehicle whose model left the catalog, with empty names', async () => {
    const { api } = apiAnswering(() =>
      Response.json({
        data: vehicleBody({
          make: { id: 'gone', name: null },
          model: { id: 'gone', name: null, vehicleType: null },
        }),
      }),
    );

    const result = await api.get(owner, 'veh1');

    expect(result.ok && result.data.model).toEqual({ id: 'gone', name: '', vehicleType: '' });
  });

  it('shows a placeholder for a picture source it does not know', async () => {
    const { api } = apiAnswering(() =>
      Response.json({ data: vehicleBody({ picture: { url: null, source: 'sketch' } }) }),
    );

    const result = await api.get(owner, 'veh1');

    expect(result.ok && result.data.picture).toEqual({ url: null, source: 'placeholder' });
  });

  it('refuses an answer without a registration number', async () => {
    const { api } = apiAnswering(() =>
      Response.json({ data: vehicleBody({ registrationNumber: undefined }) }),
    );

    expect(await api.get(owner, 'veh1')).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-response' },
    });
  });

  it('encodes the id in the path', async () => {
    const { api, fetch } = apiAnswering(() => Response.json({ data: vehicleBody() }));

    await api.get(owner, '../users/me');

    expect(sent(fetch).url).toBe('http://cms.test/api/vehicles/..%2Fusers%2Fme?locale=ne');
  });

  it('sends a new vehicle wrapped in data', async () => {
    const { api, fetch } = apiAnswering(() =>
      Response.json({ data: vehicleBody() }, { status: 201 }),
    );

    await api.create(owner, { makeId: 'bajaj', modelId: 'pulsar', year: 2019 });

    const { init } = sent(fetch);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      data: { makeId: 'bajaj', modelId: 'pulsar', year: 2019 },
    });
  });

  it('accepts the empty 204 of a delete', async () => {
    const { api, fetch } = apiAnswering(() => new Response(null, { status: 204 }));

    expect(await api.remove(owner, 'veh1')).toMatchObject({ ok: true });
    expect(sent(fetch).init?.method).toBe('DELETE');
  });
});

describe('vehicle API: notes and readings', () => {
  it('reads notes and odometer readings', async () => {
    const note = { id: 'n1', body: 'Chain oiled', createdAt: '2026-11-29T10:00:00.000Z' };
    const reading = { id: 'r1', readingKm: 12500, readOn: '2026-11-29', correction: false };
    const notes = apiAnswering(() =>
      Response.json({ data: [note], meta: { pagination: { nextCursor: null } } }),
    );
    const readings = apiAnswering(() =>
      Response.json({ data: [reading], meta: { pagination: { nextCursor: null } } }),
    );

    expect(await notes.api.notes(owner, 'veh1')).toEqual({
      ok: true,
      data: { items: [note], nextCursor: null },
    });
    expect(await readings.api.readings(owner, 'veh1', { limit: 100 })).toEqual({
      ok: true,
      data: { items: [reading], nextCursor: null },
    });
    expect(sent(readings.fetch).url).toBe(
      'http://cms.test/api/vehicles/veh1/odometer?locale=ne&limit=100',
    );
  });

  it('posts a reading with its correction flag', async () => {
    const { api, fetch } = apiAnswering(() =>
      Response.json({
        data: { id: 'r2', readingKm: 100, readOn: '2026-11-29', correction: true },
      }),
    );

    await api.addReading(owner, 'veh1', { readingKm: 100, correction: true });

    expect(JSON.parse(String(sent(fetch).init?.body))).toEqual({
      data: { readingKm: 100, correction: true },
    });
  });
});

describe('vehicle API: photos', () => {
  it('reads the photos of a vehicle, and none when the CMS lists none', async () => {
    const photos = [{ id: 'ph12', url: '/api/files/eyJrIjoxfQ.c2ln' }];
    const withPhotos = apiAnswering(() => Response.json({ data: vehicleBody({ photos }) }));
    const without = apiAnswering(() => Response.json({ data: vehicleBody() }));

    const result = await withPhotos.api.get(owner, 'veh1');
    const none = await without.api.get(owner, 'veh1');

    expect(result.ok && result.data.photos).toEqual(photos);
    expect(none.ok && none.data.photos).toEqual([]);
  });

  it('posts the files as multipart with the bearer token and reads the vehicle back', async () => {
    const photo = { id: 'ph13', url: '/api/files/eyJrIjoyfQ.c2ln' };
    const { api, fetch } = apiAnswering(() =>
      Response.json(
        { data: vehicleBody({ photos: [photo], picture: { url: photo.url, source: 'photo' } }) },
        { status: 201 },
      ),
    );
    const front = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'front.jpg', {
      type: 'image/jpeg',
    });

    const result = await api.addPhotos(owner, 'veh/1', [front]);

    const { url, init, headers } = sent(fetch);
    expect(url).toBe('http://cms.test/api/vehicles/veh%2F1/photos?locale=ne');
    expect(init?.method).toBe('POST');
    expect(headers.get('authorization')).toBe('Bearer access');
    expect((init?.body as FormData).getAll('files')).toEqual([front]);
    expect(result.ok && result.data.picture).toEqual({ url: photo.url, source: 'photo' });
  });

  it('deletes one photo of a vehicle', async () => {
    const { api, fetch } = apiAnswering(() => new Response(null, { status: 204 }));

    const result = await api.removePhoto(owner, 'veh1', 'ph12');

    expect(result.ok).toBe(true);
    expect(sent(fetch).url).toBe('http://cms.test/api/vehicles/veh1/photos/ph12?locale=ne');
    expect(sent(fetch).init?.method).toBe('DELETE');
  });
});
