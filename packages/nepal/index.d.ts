export type ProvinceCode =
  | 'koshi'
  | 'madhesh'
  | 'bagmati'
  | 'gandaki'
  | 'lumbini'
  | 'karnali'
  | 'sudurpashchim';

export interface Province {
  id: number;
  code: ProvinceCode;
  en: string;
  ne: string;
}

export interface District {
  code: string;
  en: string;
  ne: string;
  province: ProvinceCode;
  headquarters: string;
  lat: number;
  lng: number;
  /** `geonames`: the headquarters town's point in GeoNames; `manual`: entered by hand. */
  pointSource: 'geonames' | 'manual';
}

export interface Town {
  name: string;
  lat: number;
  lng: number;
  district: string;
}

export declare const provinces: Province[];
export declare const districts: District[];
export declare const towns: Town[];
export declare const BOUNDS: { south: number; west: number; north: number; east: number };
export declare function haversineKm(aLat: number, aLng: number, bLat: number, bLng: number): number;
export declare function foldName(value: string): string;
export declare function districtByCode(code: string): District | null;
export declare function inNepalBounds(lat: number, lng: number): boolean;
export declare function nearestDistrict(lat: number, lng: number): District | null;
