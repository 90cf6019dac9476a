// @motorghar/nepal's data, read as JSON: the package's index is CommonJS, which Vite's build
// does not convert for a linked workspace package (it is not under node_modules), so the
// portal takes the generated data files and looks codes up itself.
import type { District, Province } from '@motorghar/nepal';
import districtData from '@motorghar/nepal/data/districts.json';
import provinceData from '@motorghar/nepal/data/provinces.json';

export const districts = districtData as District[];
export const provinces = provinceData as Province[];

const byCode = new Map(districts.map((district) => [district.code, district]));

/** A district by its code, or null. */
export function districtByCode(code: string): District | null {
  return byCode.get(code) ?? null;
}
