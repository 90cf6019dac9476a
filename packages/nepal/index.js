'use strict';
// Nepal's places for every part of MotorGhar (CMS, plugins, portal). Data: see README.md.
const provinces = require('./data/provinces.json');
const districts = require('./data/districts.json');
const towns = require('./data/towns.json');

const byCode = new Map(districts.map((d) => [d.code, d]));
const EARTH_RADIUS_KM = 6371.0088;

function haversineKm(aLat, aLng, bLat, bLng) {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lower case, Latin letters only, diacritics dropped: "Pokharā" and "pokhara" match. */
function foldName(value) {
  return String(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function districtByCode(code) {
  return byCode.get(code) ?? null;
}

/** Nepal's bounding box, with a margin of about 10 km. */
const BOUNDS = { south: 26.25, west: 79.95, north: 30.55, east: 88.3 };

function inNepalBounds(lat, lng) {
  return lat >= BOUNDS.south && lat <= BOUNDS.north && lng >= BOUNDS.west && lng <= BOUNDS.east;
}

/**
 * The district whose headquarters is nearest: no package ships district boundaries, so this
 * is an approximation (right for most points; near a border it may name the neighbour).
 */
function nearestDistrict(lat, lng) {
  if (!inNepalBounds(lat, lng)) return null;
  let best = null;
  let bestKm = Infinity;
  for (const d of districts) {
    const km = haversineKm(lat, lng, d.lat, d.lng);
    if (km < bestKm) {
      best = d;
      bestKm = km;
    }
  }
  return best;
}

module.exports = {
  provinces,
  districts,
  towns,
  BOUNDS,
  haversineKm,
  foldName,
  districtByCode,
  inNepalBounds,
  nearestDistrict,
};
