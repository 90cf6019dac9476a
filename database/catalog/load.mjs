// Reads and validates the vehicle catalog seed data: `vehicle-types.json` and one
// `makes/<make-slug>.json` per make. No dependencies; used by `validate.mjs` and by the CMS seed.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder this module lives in: the catalog shipped with the repository. */
export const CATALOG_DIR = path.dirname(fileURLToPath(import.meta.url));

export const VEHICLE_TYPES = [
  'car',
  'suv',
  'van',
  'pickup',
  'truck',
  'bus',
  'motorcycle',
  'scooter',
];
export const FUEL_TYPES = ['petrol', 'diesel', 'electric', 'hybrid', 'plug-in-hybrid', 'cng'];

/** Locales every name carries, in this order (the CMS seed takes the first as the default). */
export const LOCALES = ['en', 'ne'];
export const MIN_YEAR = 1960;
/** Latest model year accepted: next year's models are announced this year. */
export const MAX_YEAR = new Date().getFullYear() + 1;
export const MAX_TRIMS = 6;
export const MIN_MAKES = 40;
export const MIN_MODELS = 400;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DEVANAGARI = /[\u0900-\u097F]/;
const COUNTRY = /^[A-Z]{2}$/;
// Length limits of the CMS content types (cms/src/api/catalog/content-types).
const MAX_MAKE_SLUG = 60;
const MAX_SLUG = 80;
const MAX_NAME = 80;

const MAKE_KEYS = ['slug', 'name', 'country', 'models'];
const MODEL_KEYS = [
  'slug',
  'name',
  'vehicleType',
  'fuelTypes',
  'yearFrom',
  'yearTo',
  'isEv',
  'trims',
];
const TRIM_KEYS = ['slug', 'name'];
const LABEL_KEYS = ['slug', 'name'];

/** Thrown by `loadCatalog` when the data breaks a rule; `problems` lists every finding. */
export class CatalogError extends Error {
  constructor(problems) {
    super(`invalid vehicle catalog (${problems.length} problems):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKeys(problems, where, value, keys) {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object`);
    return false;
  }
  for (const key of keys) {
    if (!(key in value)) problems.push(`${where}: missing "${key}"`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) problems.push(`${where}: unknown key "${key}"`);
  }
  return true;
}

function checkSlug(problems, where, slug, maxLength) {
  if (typeof slug !== 'string' || !SLUG.test(slug)) {
    problems.push(
      `${where}: slug ${JSON.stringify(slug)} must be lowercase a-z0-9 words joined by single dashes`,
    );
  } else if (slug.length > maxLength) {
    problems.push(`${where}: slug "${slug}" is longer than ${maxLength} characters`);
  }
}

function checkName(problems, where, name) {
  if (!isObject(name)) {
    problems.push(`${where}: name must be an object { "en": …, "ne": … }`);
    return;
  }
  const keys = Object.keys(name);
  if (keys.join() !== LOCALES.join()) {
    problems.push(`${where}: name must have exactly the keys ${LOCALES.join(', ')} in that order`);
  }
  for (const locale of LOCALES) {
    const text = name[locale];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${where}: name.${locale} must be a non-empty string`);
      continue;
    }
    if (text !== text.trim() || /\s{2}/.test(text)) {
      problems.push(`${where}: name.${locale} "${text}" has stray whitespace`);
    }
    if (text.length > MAX_NAME) {
      problems.push(`${where}: name.${locale} is longer than ${MAX_NAME} characters`);
    }
  }
  if (typeof name.ne === 'string' && name.ne.trim() !== '' && !DEVANAGARI.test(name.ne)) {
    problems.push(`${where}: name.ne "${name.ne}" contains no Devanagari`);
  }
  if (typeof name.en === 'string' && DEVANAGARI.test(name.en)) {
    problems.push(`${where}: name.en "${name.en}" contains Devanagari`);
  }
}

function checkUnique(problems, where, items, key, label) {
  const seen = new Set();
  const reported = new Set();
  for (const item of items) {
    const value = key(item);
    if (value === undefined) continue;
    if (seen.has(value) && !reported.has(value)) {
      problems.push(`${where}: duplicate ${label} "${value}"`);
      reported.add(value);
    }
    seen.add(value);
  }
}

const enName = (item) =>
  isObject(item) && isObject(item.name) && typeof item.name.en === 'string'
    ? item.name.en.toLowerCase()
    : undefined;
const slugOf = (item) => (isObject(item) && typeof item.slug === 'string' ? item.slug : undefined);

function checkLabels(problems, where, list, expected) {
  if (!Array.isArray(list)) {
    problems.push(`${where}: must be an array`);
    return;
  }
  list.forEach((entry, index) => {
    const at = `${where}[${index}]`;
    if (!checkKeys(problems, at, entry, LABEL_KEYS)) return;
    checkSlug(problems, at, entry.slug, MAX_SLUG);
    checkName(problems, `${at} (${entry.slug})`, entry.name);
  });
  const slugs = list.map(slugOf);
  if (slugs.join() !== expected.join()) {
    problems.push(
      `${where}: slugs must be exactly ${expected.join(', ')} (found ${slugs.join(', ')})`,
    );
  }
}

function checkTypes(problems, types) {
  const where = 'vehicle-types.json';
  if (!checkKeys(problems, where, types, ['vehicleTypes', 'fuelTypes'])) return;
  checkLabels(problems, `${where} vehicleTypes`, types.vehicleTypes, VEHICLE_TYPES);
  checkLabels(problems, `${where} fuelTypes`, types.fuelTypes, FUEL_TYPES);
}

function checkYear(problems, where, field, year, nullable) {
  if (nullable && year === null) return true;
  if (!Number.isInteger(year)) {
    problems.push(`${where}: ${field} must be an integer${nullable ? ' or null' : ''}`);
    return false;
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    problems.push(`${where}: ${field} ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
    return false;
  }
  return true;
}

function checkModel(problems, where, model) {
  if (!checkKeys(problems, where, model, MODEL_KEYS)) return;
  checkSlug(problems, where, model.slug, MAX_SLUG);
  checkName(problems, where, model.name);

  if (!VEHICLE_TYPES.includes(model.vehicleType)) {
    problems.push(
      `${where}: vehicleType ${JSON.stringify(model.vehicleType)} is not one of ${VEHICLE_TYPES.join(', ')}`,
    );
  }

  const fuels = model.fuelTypes;
  if (!Array.isArray(fuels) || fuels.length === 0) {
    problems.push(`${where}: fuelTypes must be a non-empty array`);
  } else {
    for (const fuel of fuels) {
      if (!FUEL_TYPES.includes(fuel)) {
        problems.push(
          `${where}: fuel type ${JSON.stringify(fuel)} is not one of ${FUEL_TYPES.join(', ')}`,
        );
      }
    }
    if (new Set(fuels).size !== fuels.length) problems.push(`${where}: fuelTypes repeat a value`);
  }

  if (typeof model.isEv !== 'boolean') {
    problems.push(`${where}: isEv must be true or false`);
  } else if (Array.isArray(fuels)) {
    const electricOnly = fuels.length === 1 && fuels[0] === 'electric';
    if (model.isEv !== electricOnly) {
      problems.push(
        `${where}: isEv must be ${electricOnly} for fuelTypes [${fuels.join(', ')}] (true exactly when the only fuel is electric)`,
      );
    }
  }

  const fromOk = checkYear(problems, where, 'yearFrom', model.yearFrom, false);
  const toOk = checkYear(problems, where, 'yearTo', model.yearTo, true);
  if (fromOk && toOk && model.yearTo !== null && model.yearTo < model.yearFrom) {
    problems.push(`${where}: yearTo ${model.yearTo} is before yearFrom ${model.yearFrom}`);
  }

  if (!Array.isArray(model.trims)) {
    problems.push(`${where}: trims must be an array (possibly empty)`);
    return;
  }
  if (model.trims.length > MAX_TRIMS) {
    problems.push(`${where}: ${model.trims.length} trims, at most ${MAX_TRIMS}`);
  }
  model.trims.forEach((trim, index) => {
    const at = `${where} trim ${slugOf(trim) ?? `#${index}`}`;
    if (!checkKeys(problems, at, trim, TRIM_KEYS)) return;
    checkSlug(problems, at, trim.slug, MAX_SLUG);
    checkName(problems, at, trim.name);
  });
  checkUnique(problems, where, model.trims, slugOf, 'trim slug');
  checkUnique(problems, where, model.trims, enName, 'trim name');
}

function checkMake(problems, file, make) {
  const where = `makes/${file}`;
  if (!checkKeys(problems, where, make, MAKE_KEYS)) return;
  checkSlug(problems, where, make.slug, MAX_MAKE_SLUG);
  if (typeof make.slug === 'string' && file !== `${make.slug}.json`) {
    problems.push(`${where}: file must be named ${make.slug}.json after the make's slug`);
  }
  checkName(problems, where, make.name);
  if (typeof make.country !== 'string' || !COUNTRY.test(make.country)) {
    problems.push(
      `${where}: country ${JSON.stringify(make.country)} must be an ISO 3166-1 alpha-2 code`,
    );
  }
  if (!Array.isArray(make.models) || make.models.length === 0) {
    problems.push(`${where}: models must be a non-empty array`);
    return;
  }
  make.models.forEach((model, index) => {
    checkModel(problems, `${where} model ${slugOf(model) ?? `#${index}`}`, model);
  });
  checkUnique(problems, where, make.models, slugOf, 'model slug');
  checkUnique(problems, where, make.models, enName, 'model name');
}

/** Every rule of the catalog; returns the list of problems (empty when the data is valid). */
export function validateCatalog(catalog) {
  const problems = [];
  checkTypes(problems, catalog.types);
  for (const { file, make } of catalog.files) checkMake(problems, file, make);
  const makes = catalog.files.map(({ make }) => make);
  checkUnique(problems, 'makes', makes, slugOf, 'make slug');
  checkUnique(problems, 'makes', makes, enName, 'make name');
  const models = makes.reduce(
    (sum, make) => sum + (isObject(make) && Array.isArray(make.models) ? make.models.length : 0),
    0,
  );
  if (makes.length < MIN_MAKES) {
    problems.push(`catalog: ${makes.length} makes, at least ${MIN_MAKES} required`);
  }
  if (models < MIN_MODELS) {
    problems.push(`catalog: ${models} models, at least ${MIN_MODELS} required`);
  }
  return problems;
}

function readJson(problems, file, where) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${where}: ${error.code === 'ENOENT' ? 'missing' : error.message}`);
    return undefined;
  }
}

/**
 * Reads `dir` and checks every rule without throwing: `{ catalog, problems }`, where
 * `catalog` is `{ vehicleTypes, fuelTypes, makes }` (makes sorted by file name).
 */
export function inspectCatalog(dir = CATALOG_DIR) {
  const problems = [];
  const types = readJson(problems, path.join(dir, 'vehicle-types.json'), 'vehicle-types.json');
  let names = [];
  try {
    names = readdirSync(path.join(dir, 'makes'))
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    problems.push(`makes/: ${error.message}`);
  }
  const files = [];
  for (const file of names) {
    const make = readJson(problems, path.join(dir, 'makes', file), `makes/${file}`);
    if (make !== undefined) files.push({ file, make });
  }
  if (types !== undefined) problems.push(...validateCatalog({ types, files }));
  const catalog = {
    vehicleTypes: isObject(types) ? types.vehicleTypes : undefined,
    fuelTypes: isObject(types) ? types.fuelTypes : undefined,
    makes: files.map(({ make }) => make),
  };
  return { catalog, problems };
}

/**
 * The parsed, validated catalog in `dir` (default: this folder):
 * `{ vehicleTypes: [{ slug, name }], fuelTypes: [{ slug, name }], makes: [make, …] }`, each
 * make exactly as in its `makes/<slug>.json`. Throws a `CatalogError` listing every problem.
 */
export function loadCatalog(dir = CATALOG_DIR) {
  const { catalog, problems } = inspectCatalog(dir);
  if (problems.length > 0) throw new CatalogError(problems);
  return catalog;
}

/** Counts for reports: makes, models per vehicle type and fuel type, EVs, trims. */
export function summarizeCatalog(catalog) {
  const byVehicleType = Object.fromEntries(VEHICLE_TYPES.map((type) => [type, 0]));
  const byFuelType = Object.fromEntries(FUEL_TYPES.map((fuel) => [fuel, 0]));
  let models = 0;
  let evs = 0;
  let trims = 0;
  for (const make of catalog.makes) {
    for (const model of make.models) {
      models += 1;
      byVehicleType[model.vehicleType] += 1;
      for (const fuel of model.fuelTypes) byFuelType[fuel] += 1;
      if (model.isEv) evs += 1;
      trims += model.trims.length;
    }
  }
  return { makes: catalog.makes.length, models, byVehicleType, byFuelType, evs, trims };
}
