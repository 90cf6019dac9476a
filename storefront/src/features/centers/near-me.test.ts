import { BOUNDS } from '@motorghar/nepal';
import { describe, expect, it } from 'vitest';
import { readFinderQuery } from './finder-query';
import { NEPAL_BOUNDS, nearValue } from './near-me';

describe('nearValue', () => {
  it('writes a point in Nepal to five decimals, as the finder reads it back', () => {
    const value = nearValue(27.717245678, 85.3239605);
    expect(value).toBe('27.71725,85.32396');
    expect(readFinderQuery(new URLSearchParams({ near: value! }))).toMatchObject({
      ok: true,
      query: { near: { lat: 27.71725, lng: 85.32396 } },
    });
  });

  it('refuses a point outside Nepal or no point at all', () => {
    expect(nearValue(51.5, -0.12)).toBeNull();
    expect(nearValue(Number.NaN, 85)).toBeNull();
  });

  it('uses the gazetteer’s bounds', () => {
    expect(NEPAL_BOUNDS).toEqual(BOUNDS);
  });
});
