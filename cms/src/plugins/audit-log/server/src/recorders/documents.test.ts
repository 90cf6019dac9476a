import type { Core } from '@strapi/strapi';
import type { AuditWriter } from '../writer';
import { documentRecorder, rememberBefore } from './documents';

type Context = Parameters<ReturnType<typeof documentRecorder>>[0];
type Next = Parameters<ReturnType<typeof documentRecorder>>[1];

type Row = Record<string, unknown>;

/** Just enough of Strapi for the recorder: one request in flight, a table of one row. */
function fakeStrapi(stored: Row) {
  const ctx = {
    state: { user: { id: 7, email: 'owner@example.com' } },
    request: { ip: '203.0.113.9' },
  };
  const reads: unknown[] = [];
  const strapi = {
    requestContext: { get: () => ctx },
    db: {
      query: () => ({
        findOne: async (query: unknown) => {
          reads.push(query);
          return stored;
        },
      }),
    },
  } as unknown as Core.Strapi;
  return { strapi, reads };
}

function recorderOf(strapi: Core.Strapi) {
  const recorded: Array<{ diff: unknown }> = [];
  const writer = { record: async (entry: { diff: unknown }) => void recorded.push(entry) };
  return { recorder: documentRecorder(strapi, writer as unknown as AuditWriter), recorded };
}

const update = (options: object = {}) =>
  ({
    uid: 'api::vehicle.vehicle',
    action: 'update',
    contentType: { options: { draftAndPublish: false }, attributes: {}, ...options },
    params: { documentId: 'v1', data: { nickname: 'Kalo Pulsar' } },
  }) as unknown as Context;

describe('the document recorder and a row the service already read', () => {
  const stored = { documentId: 'v1', nickname: 'Rato Pulsar' };
  const result = (async () => ({ documentId: 'v1', nickname: 'Kalo Pulsar' })) as unknown as Next;

  it('takes the remembered row as "before" and does not read it again, once', async () => {
    const { strapi, reads } = fakeStrapi(stored);
    const { recorder, recorded } = recorderOf(strapi);
    rememberBefore(strapi, 'api::vehicle.vehicle', 'v1', { documentId: 'v1', nickname: 'Nilo' });
    await recorder(update(), result);
    expect(reads).toHaveLength(0);
    expect(recorded[0].diff).toEqual({ nickname: { before: 'Nilo', after: 'Kalo Pulsar' } });
    // Used up: the next write in the same request reads the row.
    await recorder(update(), result);
    expect(reads).toHaveLength(1);
    expect(recorded[1].diff).toEqual({ nickname: { before: 'Rato Pulsar', after: 'Kalo Pulsar' } });
  });

  it('reads the row when nothing was remembered, or for another document', async () => {
    const { strapi, reads } = fakeStrapi(stored);
    const { recorder, recorded } = recorderOf(strapi);
    rememberBefore(strapi, 'api::vehicle.vehicle', 'v2', { documentId: 'v2', nickname: 'Nilo' });
    await recorder(update(), result);
    expect(reads).toHaveLength(1);
    expect(recorded[0].diff).toEqual({ nickname: { before: 'Rato Pulsar', after: 'Kalo Pulsar' } });
  });

  it('ignores a remembered row where a document has drafts or locales', async () => {
    for (const options of [
      { options: { draftAndPublish: true } },
      { pluginOptions: { i18n: { localized: true } } },
    ]) {
      const { strapi, reads } = fakeStrapi(stored);
      const { recorder, recorded } = recorderOf(strapi);
      rememberBefore(strapi, 'api::vehicle.vehicle', 'v1', { documentId: 'v1', nickname: 'Nilo' });
      await recorder(update(options), result);
      expect(reads).toHaveLength(1);
      expect(recorded[0].diff).toEqual({
        nickname: { before: 'Rato Pulsar', after: 'Kalo Pulsar' },
      });
    }
  });
});
