import { describe, expect, it } from 'vitest';
import { finderSearch, readFinderQuery } from './finder-query';

const read = (query: string) => readFinderQuery(new URLSearchParams(query));

describe('readFinderQuery', () => {
  it('asks for everything, by name, when nothing is chosen', () => {
    expect(read('')).toMatchObject({ ok: true, query: {}, filtered: false });
  });

  it('takes the offered filters', () => {
    expect(read('district=kaski&service=oil-change&make=mk_1&open=1')).toMatchObject({
      ok: true,
      query: { district: 'kaski', service: 'oil-change', make: 'mk_1', openNow: true },
      filtered: true,
    });
  });

  it('puts "near me" at a chosen district’s headquarters with the default radius', () => {
    const result = read('from=kathmandu');
    expect(result.ok && result.query.near).toEqual({
      lat: expect.closeTo(27.7, 0),
      lng: expect.closeTo(85.3, 0),
    });
    expect(result.ok && result.query.radiusKm).toBe(25);
  });

  it('takes the browser’s point inside Nepal and a radius from the list', () => {
    expect(read('near=27.7172,85.324&radius=10')).toMatchObject({
      ok: true,
      query: { near: { lat: 27.7172, lng: 85.324 }, radiusKm: 10 },
    });
    // A radius without a point narrows nothing (the CMS would refuse it).
    expect(read('radius=10')).toMatchObject({ ok: true, query: {} });
  });

  it.each([
    ['district=atlantis', 'district'],
    ['service=teleport', 'service'],
    ['make=a%20b', 'make'],
    ['near=51.5,-0.12', 'near'],
    ['near=here', 'near'],
    ['from=atlantis', 'nearDistrict'],
    ['near=27.7,85.3&from=kaski', 'nearDistrict'],
    ['near=27.7,85.3&radius=7', 'radiusKm'],
    ['cursor=%3Cscript%3E', 'cursor'],
  ])('refuses %s naming %s', (query, field) => {
    const result = read(query);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual([field]);
  });

  it('keeps what was typed for showing the form again', () => {
    expect(read('district=atlantis&open=1').form).toMatchObject({
      district: 'atlantis',
      openNow: true,
    });
  });
});

describe('finderSearch', () => {
  it('writes back the chosen filters only, with the next page’s cursor', () => {
    const result = read('district=kaski&open=1');
    expect(finderSearch(result.form, 'c2')).toEqual({
      district: 'kaski',
      service: undefined,
      make: undefined,
      open: '1',
      near: undefined,
      from: undefined,
      radius: undefined,
      cursor: 'c2',
    });
  });
});
