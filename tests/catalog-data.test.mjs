import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CatalogError, loadCatalog } from '../database/catalog/load.mjs';

const catalogDir = path.resolve(import.meta.dirname, '..', 'database', 'catalog');

test('the seed catalog covers the market: at least 40 makes and 400 models, two-wheelers included', () => {
  const { makes } = loadCatalog(catalogDir);
  const models = makes.flatMap((make) => make.models);
  assert.ok(makes.length >= 40, `${makes.length} makes`);
  assert.ok(models.length >= 400, `${models.length} models`);
  const slugs = makes.map((make) => make.slug);
  for (const brand of [
    'hyundai',
    'suzuki',
    'tata',
    'mahindra',
    'kia',
    'toyota',
    'honda',
    'byd',
    'yamaha',
    'bajaj',
    'tvs',
    'hero',
    'royal-enfield',
    'ktm',
    'vespa',
    'niu',
    'yatri',
  ]) {
    assert.ok(slugs.includes(brand), `${brand} is missing`);
  }
  assert.ok(models.some((model) => model.vehicleType === 'scooter' && model.isEv));
  assert.ok(models.every((model) => /[\u0900-\u097F]/.test(model.name.ne)));
});

test('a broken make file is refused with the problem named', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'mg-catalog-'));
  try {
    cpSync(catalogDir, copy, { recursive: true });
    const file = path.join(copy, 'makes', 'bajaj.json');
    const bajaj = JSON.parse(readFileSync(file, 'utf8'));
    bajaj.models[0].yearFrom = 2030;
    bajaj.models[0].name.ne = '';
    writeFileSync(file, JSON.stringify(bajaj));
    assert.throws(
      () => loadCatalog(copy),
      (error) => {
        assert.ok(error instanceof CatalogError);
        assert.match(String(error.message), /bajaj/);
        return true;
      },
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
