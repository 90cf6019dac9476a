import { gazetteerLookup } from './gazetteer';
import { parseNominatim } from './provider';

describe('gazetteer lookup (address → town or district headquarters)', () => {
  it('finds a town named in the address, whatever its diacritics and case', () => {
    const match = gazetteerLookup({ address: 'Lakeside Road 6, POKHARA', district: 'kaski' });
    expect(match).toMatchObject({ match: 'town', name: 'Pokhara', district: 'kaski' });
    expect(match!.lat).toBeCloseTo(28.2, 0);
    const butwal = gazetteerLookup({ address: 'Traffic Chowk', city: 'Butwāl' });
    expect(butwal).toMatchObject({ match: 'town', district: 'rupandehi' });
  });

  it('reads the spellings people write for towns GeoNames spells otherwise', () => {
    expect(gazetteerLookup({ address: 'Main road, Birgunj' })).toMatchObject({
      match: 'town',
      name: 'Birgañj',
    });
    expect(gazetteerLookup({ address: 'Baglung Bazaar' })).toMatchObject({
      match: 'town',
      district: 'baglung',
    });
  });

  it('matches a town of several words only as a whole', () => {
    expect(gazetteerLookup({ address: 'Namche Bazaar, Khumbu' })).toMatchObject({
      name: 'Namche Bazaar',
    });
    expect(gazetteerLookup({ address: 'Namche road', district: 'kathmandu' })).toMatchObject({
      match: 'district',
      district: 'kathmandu',
    });
  });

  it('prefers a town in the given district and falls back to its headquarters', () => {
    // "Bhojpur" is a town in Bhojpur; naming it with another district keeps the district.
    expect(gazetteerLookup({ address: 'Bhojpur Chowk', district: 'jhapa' })).toMatchObject({
      match: 'district',
      district: 'jhapa',
      name: 'Bhadrapur',
    });
    expect(
      gazetteerLookup({ address: 'Ward 4, somewhere unknown', district: 'dolpa' }),
    ).toMatchObject({ match: 'district', district: 'dolpa' });
  });

  it('finds a district named in the address, in English or Nepali, when no district is given', () => {
    expect(gazetteerLookup({ address: 'Some tole, Gulmi' })).toMatchObject({
      match: 'district',
      district: 'gulmi',
    });
    expect(gazetteerLookup({ address: 'मुख्य सडक, इलाम' })).toMatchObject({
      match: 'district',
      district: 'ilam',
    });
  });

  it('answers null when nothing in the address is a known place, and ignores a bad district', () => {
    expect(gazetteerLookup({ address: 'Unit 7, Nowhere Street' })).toBeNull();
    expect(gazetteerLookup({ address: 'Unit 7', district: 'atlantis' })).toBeNull();
    expect(gazetteerLookup({ address: '' })).toBeNull();
  });
});

describe('provider answers (Nominatim jsonv2)', () => {
  it('takes the first point inside Nepal', () => {
    expect(
      parseNominatim([
        { lat: '27.7172', lon: '85.3240', display_name: 'Kathmandu' },
        { lat: '28.1', lon: '84.0' },
      ]),
    ).toEqual({ kind: 'point', lat: 27.7172, lng: 85.324 });
  });

  it('refuses points outside Nepal, malformed answers and says when there is no result', () => {
    expect(parseNominatim([{ lat: '28.61', lon: '77.20' }])).toEqual({ kind: 'outside' });
    expect(parseNominatim([])).toEqual({ kind: 'none' });
    expect(parseNominatim({ error: 'nope' })).toEqual({ kind: 'invalid' });
    expect(parseNominatim([{ lat: 'north', lon: '85' }])).toEqual({ kind: 'invalid' });
  });
});
