import { districtByCode, provinces } from '@motorghar/nepal';
import type { StoredFile } from '../../lib/media/media-urls';
import type { DayHours } from './rules/hours';

/** What the search table keeps of a published center in one locale (its `data` column). */
export interface StoredCenter {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  address: string;
  city: string | null;
  district: string;
  province: string;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  services: string[];
  makes: string[];
  photos: Array<{ file: StoredFile; alternativeText: string | null }>;
  hours: DayHours[];
  sample: boolean;
}

export interface CenterSummary {
  id: string;
  slug: string;
  name: string;
  address: string;
  city: string | null;
  district: { code: string; name: string };
  province: { code: string; name: string };
  location: { lat: number; lng: number } | null;
  distanceKm: number | null;
  phone: string | null;
  openNow: boolean | null;
  services: string[];
  makes: Array<{ id: string; name: string }>;
  photo: { url: string; alternativeText: string | null } | null;
  sample: boolean;
}

export interface CenterDetail extends CenterSummary {
  description: string | null;
  openingHours: DayHours[];
  photos: Array<{ url: string; alternativeText: string | null }>;
}

/** A district's and its province's names in `locale` (`ne` or English). */
export function placeNames(districtCode: string, locale: string) {
  const district = districtByCode(districtCode);
  const province = provinces.find((entry) => entry.code === district?.province);
  const name = (entry: { en: string; ne: string } | null | undefined, code: string) =>
    entry ? (locale === 'ne' ? entry.ne : entry.en) : code;
  return {
    district: { code: districtCode, name: name(district, districtCode) },
    province: {
      code: province?.code ?? '',
      name: name(province, province?.code ?? ''),
    },
  };
}

/** The province a district belongs to; null for a code that is not a district. */
export function provinceOfDistrict(code: unknown): string | null {
  return typeof code === 'string' ? (districtByCode(code)?.province ?? null) : null;
}
