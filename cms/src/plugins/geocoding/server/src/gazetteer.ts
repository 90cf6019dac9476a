import { districtByCode, districts, towns, type District } from '@motorghar/nepal';

export interface AddressInput {
  address?: string | null;
  city?: string | null;
  district?: string | null;
  province?: string | null;
}

export interface GazetteerMatch {
  lat: number;
  lng: number;
  /** `town`: a town named in the address; `district`: the district's headquarters. */
  match: 'town' | 'district';
  /** The town's (or headquarters') name as GeoNames spells it. */
  name: string;
  district: string;
}

/** Latin words, lower case, diacritics dropped: "Bāgluṅ Bazaar" → ["baglun", "bazaar"]. */
export function words(value: string): string[] {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How people write some towns that GeoNames spells otherwise (ṅ, ñ and "gunj"): the extra
 * spellings point at the GeoNames name.
 */
const ALIASES: Record<string, string> = {
  baglung: 'baglun',
  waling: 'walin',
  birgunj: 'birganj',
  malangwa: 'malangawa',
  nepalganj: 'nepalgunj',
  lalitpur: 'patan',
  khandbari: 'khadbari',
  ithari: 'itahari',
  dhangadi: 'dhangadhi',
};

interface TownEntry {
  words: string[];
  name: string;
  lat: number;
  lng: number;
  district: string;
}

// "Kalikot District" is a GeoNames entry for the district's seat: match it by "Kalikot" only
// through the district, never as a town called "district".
const TOWNS: TownEntry[] = towns
  .filter((town) => !/ district$/i.test(town.name))
  .map((town) => ({ ...town, words: words(town.name) }))
  // Longer names first: "Madhyapur Thimi" before a town called "Thimi".
  .sort((a, b) => b.words.length - a.words.length);

const containsRun = (haystack: string[], needle: string[]) => {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, index) => haystack[start + index] === word)) return true;
  }
  return false;
};

function townsIn(text: string): TownEntry[] {
  const found = words(text).map((word) => ALIASES[word] ?? word);
  if (found.length === 0) return [];
  return TOWNS.filter((town) => containsRun(found, town.words));
}

function districtIn(text: string): District | null {
  const found = words(text);
  for (const district of districts) {
    const latin = words(district.en);
    if (latin.length > 0 && containsRun(found, latin)) return district;
    if (district.ne && text.includes(district.ne)) return district;
  }
  return null;
}

const headquarters = (district: District): GazetteerMatch => ({
  lat: district.lat,
  lng: district.lng,
  match: 'district',
  name: district.headquarters,
  district: district.code,
});

/**
 * The bundled gazetteer (@motorghar/nepal, built from GeoNames): a town named in the city or
 * the address (in the given district when one is given), else the given district's
 * headquarters, else a district named in the address, else null.
 */
export function gazetteerLookup(input: AddressInput): GazetteerMatch | null {
  const given = input.district ? districtByCode(String(input.district)) : null;
  const text = [input.city, input.address].filter(Boolean).join(', ');
  const candidates = townsIn(text);
  const town = given ? candidates.find((entry) => entry.district === given.code) : candidates[0];
  if (town) {
    return {
      lat: town.lat,
      lng: town.lng,
      match: 'town',
      name: town.name,
      district: town.district,
    };
  }
  if (given) return headquarters(given);
  const named = text ? districtIn(text) : null;
  return named ? headquarters(named) : null;
}
