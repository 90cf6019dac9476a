import { z } from 'zod/v4';
import { EMPTY_DATA_MESSAGE, ENVELOPE_MESSAGE, parseData } from './validation';

const schema = z
  .object({ name: z.string(), channels: z.object({ sms: z.boolean() }).strict().optional() })
  .strict();

/** The details of the 400 `run` throws. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    const { message, details } = error as {
      message: string;
      details: { errors: Array<{ path: string[] }> };
    };
    return { message, paths: details.errors.map((detail) => detail.path.join('.')) };
  }
  throw new Error('expected a refusal');
}

describe('parseData', () => {
  it('returns data of a { data: { … } } body', () => {
    expect(parseData(schema, { data: { name: 'Sita' } })).toEqual({ name: 'Sita' });
  });

  it.each([
    ['a flat body', { name: 'Sita' }],
    ['an array', [{ data: { name: 'Sita' } }]],
    ['no body', undefined],
    ['null', null],
    ['a string', 'data'],
    ['data as an array', { data: [] }],
    ['data as null', { data: null }],
  ])('refuses %s, naming data', (_what, body) => {
    expect(refusal(() => parseData(schema, body))).toEqual({
      message: `data: ${ENVELOPE_MESSAGE}`,
      paths: ['data'],
    });
  });

  it('refuses an empty data, naming data: it would change nothing', () => {
    expect(refusal(() => parseData(schema, { data: {} }))).toEqual({
      message: `data: ${EMPTY_DATA_MESSAGE}`,
      paths: ['data'],
    });
  });

  it('names a key beside data', () => {
    expect(refusal(() => parseData(schema, { data: { name: 'Sita' }, name: 'Ram' })).paths).toEqual(
      ['name'],
    );
  });

  it('names an unknown field first, even when a required one is missing too', () => {
    const { message, paths } = refusal(() => parseData(schema, { data: { nmae: 'Sita' } }));
    expect(paths).toEqual(['nmae', 'name']);
    expect(message).toBe('nmae: is not a field of this request');
  });

  it('names an unknown nested field by its whole path', () => {
    const body = { data: { name: 'Sita', channels: { sms: true, fax: true } } };
    expect(refusal(() => parseData(schema, body)).paths).toEqual(['channels.fax']);
  });
});
