import { z } from 'zod';
import { parseQuery } from './locales';

/** The fields a refused query names. */
function refusedFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    const { details } = error as { details: { errors: Array<{ path: string[] }> } };
    return details.errors.map((detail) => detail.path.join('.'));
  }
  throw new Error('expected a refusal');
}

describe('parseQuery', () => {
  const paged = { limit: z.coerce.number().int().min(1).max(100).optional() };
  const filtered = { status: z.enum(['open', 'done']).optional() };

  it("checks a query against the route's own parameters, every time", () => {
    expect(parseQuery({ limit: '5' }, paged)).toEqual({ limit: 5 });
    expect(parseQuery({ limit: '7' }, paged)).toEqual({ limit: 7 });
    expect(refusedFields(() => parseQuery({ limit: '500' }, paged))).toEqual(['limit']);
  });

  it('keeps each shape to its own schema (schemas are built once per shape)', () => {
    expect(parseQuery({ limit: '5' }, paged)).toEqual({ limit: 5 });
    expect(parseQuery({ status: 'open' }, filtered)).toEqual({ status: 'open' });
    // The other route's parameter is unknown here, after both schemas exist.
    expect(refusedFields(() => parseQuery({ status: 'open' }, paged))).toEqual(['status']);
    expect(refusedFields(() => parseQuery({ limit: '5' }, filtered))).toEqual(['limit']);
    // A shape with the same fields, built anew, checks the same.
    expect(parseQuery({ limit: '9' }, { ...paged })).toEqual({ limit: 9 });
  });

  it('refuses any parameter on a route that takes none', () => {
    expect(parseQuery({})).toEqual({});
    expect(refusedFields(() => parseQuery({ limt: '5' }))).toEqual(['limt']);
  });
});
