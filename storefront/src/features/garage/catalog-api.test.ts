import { describe, expect, it, vi } from 'vitest';
import { createCmsApi } from '~/lib/cms-api';
import { createCatalogApi } from './catalog-api';
import { pulsar, pulsarDetail } from './fixtures/vehicles';

const context = { requestId: 'req-1' };

function catalogAnswering(body: unknown) {
  const fetch = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => Response.json(body));
  return { api: createCatalogApi(createCmsApi({ baseUrl: 'http://cms.test', fetch })), fetch };
}

describe('catalog API', () => {
  it('reads the makes in the asked language', async () => {
    const makes = [{ id: 'bajaj', slug: 'bajaj', name: 'बजाज', country: 'IN' }];
    const { api, fetch } = catalogAnswering({ data: makes });

    expect(await api.makes('ne', context)).toEqual({ ok: true, data: makes });
    expect(String(fetch.mock.calls[0]![0])).toBe('http://cms.test/api/catalog/makes?locale=ne');
  });

  it('reads the models of a make', async () => {
    const { api, fetch } = catalogAnswering({ data: [pulsar] });

    expect(await api.modelsOfMake('bajaj', 'en', context)).toEqual({ ok: true, data: [pulsar] });
    expect(String(fetch.mock.calls[0]![0])).toBe(
      'http://cms.test/api/catalog/makes/bajaj/models?locale=en',
    );
  });

  it('reads a model with its make and trims', async () => {
    const { api } = catalogAnswering({ data: pulsarDetail });

    const result = await api.model('pulsar', 'en', context);

    expect(result.ok && result.data.trims.map((trim) => trim.name)).toEqual([
      'Single Disc',
      'Twin Disc',
    ]);
    expect(result.ok && result.data.make.id).toBe('bajaj');
  });

  it('refuses a model without a year range', async () => {
    const { api } = catalogAnswering({ data: { ...pulsarDetail, yearFrom: undefined } });

    expect(await api.model('pulsar', 'en', context)).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-response' },
    });
  });
});
