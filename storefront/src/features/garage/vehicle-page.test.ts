import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLocale } from '~/i18n';
import type { PageContext } from '~/features/forms/page-context';
import { vehiclePage } from './vehicle-page.server';

// The page's CMS calls, recorded; nothing is sent anywhere.
const calls = vi.hoisted(() => [] as string[]);
// While `held`, every call waits for `release()`: the page must have started them all by then.
const gate = vi.hoisted(() => {
  const state = { held: false, release: () => {}, opened: Promise.resolve() };
  return {
    state,
    hold() {
      state.held = true;
      state.opened = new Promise<void>((resolve) => (state.release = resolve));
    },
    async pass() {
      if (state.held) await state.opened;
    },
  };
});
vi.mock('./vehicle-api.server', () => {
  const vehicle = { id: 'v1', make: { name: 'Honda' }, model: { name: 'Dio' } };
  const answer = (name: string, data: unknown) => async () => {
    calls.push(name);
    await gate.pass();
    return { ok: true, data };
  };
  const page = { items: [], nextCursor: null };
  return {
    vehicleApi: new Proxy(
      {
        get: answer('get', vehicle),
        readings: answer('readings', page),
        notes: answer('notes', page),
      } as Record<string, unknown>,
      {
        get: (target, name: string) =>
          Object.hasOwn(target, name) ? target[name] : answer(name, {}),
      },
    ),
  };
});

// The vehicle's recalls: one for it and (as a CMS bug would send) one for another vehicle.
vi.mock('~/features/recalls/recalls-api.server', () => ({
  recallsApi: {
    async mine(_owner: unknown, vehicleId?: string) {
      calls.push(`recalls:${vehicleId}`);
      const item = (vehicle: string) => ({
        recall: { id: `r-${vehicle}` },
        vehicle: { id: vehicle },
      });
      await gate.pass();
      return { ok: true, data: [item('v1'), item('v2')] };
    },
  },
}));
// The sections' own calls: services and spending, reminders, documents.
vi.mock('~/features/service-records/service-record-api.server', () => ({
  serviceRecordApi: {
    list: async () => {
      calls.push('services');
      await gate.pass();
      return { ok: true, data: { items: [{ id: 's1' }], nextCursor: null } };
    },
    spending: async () => {
      calls.push('spending');
      await gate.pass();
      return { ok: true, data: { total: 0 } };
    },
  },
}));
vi.mock('~/features/reminders/reminders-api.server', () => ({
  remindersApi: {
    list: async () => {
      calls.push('reminders');
      await gate.pass();
      return { ok: true, data: { items: [{ id: 'r1' }], nextCursor: null } };
    },
  },
}));
vi.mock('~/features/documents/documents.server', () => ({
  documentApi: {
    list: async () => {
      calls.push('documents');
      await gate.pass();
      return { ok: true, data: { items: [{ id: 'd1' }], nextCursor: null } };
    },
  },
}));

const en = parseLocale('en')!;
const SECTIONS = ['documents', 'recalls:v1', 'reminders', 'services', 'spending'];

function postContext(intent: string): PageContext {
  const body = new URLSearchParams({ intent, noteBody: 'x', noteId: 'n1', photoId: 'p1' });
  return pageContext(
    new Request('http://portal.test/en/garage/v1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

function pageContext(request: Request): PageContext {
  return {
    request,
    url: new URL(request.url),
    locals: { requestId: 'r1', session: { accessToken: 't' }, csrfToken: 'c' },
    cookies: { get: () => undefined, set() {}, delete() {} },
    clientAddress: '192.0.2.1',
    response: { status: 200, headers: new Headers() },
    redirect: (path: string, status = 302) =>
      new Response(null, { status, headers: { location: path } }),
  } as unknown as PageContext;
}

describe('vehiclePage form intents', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  // Names every plain object inherits: none of them is a form on the page.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nope', ''])(
    'answers intent=%j with 400 and the generic error, calling no action',
    async (intent) => {
      const context = postContext(intent);

      const view = await vehiclePage(context, en, 'v1');

      expect(view).not.toBeInstanceOf(Response);
      expect(context.response.status).toBe(400);
      expect(view).toMatchObject({ kind: 'vehicle', errors: [{ key: 'forms.errors.generic' }] });
      expect(calls.sort()).toEqual(['get', 'notes', 'readings', ...SECTIONS].sort());
    },
  );

  it('still runs a known intent', async () => {
    const context = postContext('delete-note');

    const view = await vehiclePage(context, en, 'v1');

    expect(view).toBeInstanceOf(Response);
    expect((view as Response).headers.get('location')).toBe('/en/garage/v1?done=note-deleted');
    expect(calls).toEqual(['removeNote']);
  });
});

describe('vehiclePage outcomes', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('sends a refused upload back to the page with its reason, calling no upload', async () => {
    const view = await vehiclePage(postContext('add-photos'), en, 'v1');

    expect(view).toBeInstanceOf(Response);
    expect((view as Response).headers.get('location')).toBe('/en/garage/v1?photoError=none');
    expect(calls).toEqual([]);
  });

  it('answers a form that fails its checks with the page, what was typed and the error', async () => {
    const view = await vehiclePage(postContext('update-note'), en, 'v1');

    expect(view).toMatchObject({
      kind: 'vehicle',
      editing: { noteId: 'n1', body: '' },
      errors: [{ field: 'editNoteBody' }],
    });
  });

  it.each([
    ['note-added', { section: 'notes', key: 'garage.notes.added' }],
    ['saved', { section: 'vehicle', key: 'garage.detail.saved' }],
    ['toString', undefined],
  ])('shows the confirmation ?done=%s names', async (done, confirmation) => {
    const context = pageContext(new Request(`http://portal.test/en/garage/v1?done=${done}`));

    const view = await vehiclePage(context, en, 'v1');

    expect(view).toMatchObject({ kind: 'vehicle' });
    expect((view as { confirmation?: unknown }).confirmation).toEqual(confirmation);
  });

  it('loads the vehicle’s recalls with its other data, keeping only this vehicle’s', async () => {
    const view = await vehiclePage(
      pageContext(new Request('http://portal.test/en/garage/v1')),
      en,
      'v1',
    );

    expect(calls).toContain('recalls:v1');
    expect((view as { recalls?: Array<{ recall: { id: string } }> }).recalls).toEqual([
      { recall: { id: 'r-v1' }, vehicle: { id: 'v1' } },
    ]);
  });
});

describe('vehiclePage load', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('starts every call of the page (vehicle, readings, notes, services, reminders, documents, recalls) before any answers', async () => {
    gate.hold();
    try {
      const view = vehiclePage(
        pageContext(new Request('http://portal.test/en/garage/v1')),
        en,
        'v1',
      );
      await vi.waitFor(() => expect(calls.length).toBe(8));
      expect(calls.sort()).toEqual(['get', 'notes', 'readings', ...SECTIONS].sort());
      gate.state.release();
      expect(await view).toMatchObject({
        kind: 'vehicle',
        services: { records: [{ id: 's1' }], spending: { total: 0 } },
        reminders: [{ id: 'r1' }],
        documents: [{ id: 'd1' }],
      });
    } finally {
      gate.state.held = false;
      gate.state.release();
    }
  });
});
