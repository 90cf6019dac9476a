// Checks the vehicle catalog seed data and prints its totals:
//   node database/catalog/validate.mjs [catalog-dir]
// Exits 1 and lists every problem when a rule is broken (see README.md).
import path from 'node:path';
import { CATALOG_DIR, inspectCatalog, summarizeCatalog } from './load.mjs';

const dir = process.argv[2] ? path.resolve(process.argv[2]) : CATALOG_DIR;
const { catalog, problems } = inspectCatalog(dir);

if (problems.length > 0) {
  console.error(`catalog: ${problems.length} problem(s) in ${dir}`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}

const totals = summarizeCatalog(catalog);
const pad = (label) => `  ${label}`.padEnd(18);
console.log(`catalog: ${dir}`);
console.log(`makes: ${totals.makes}`);
console.log(`models: ${totals.models}`);
for (const [type, count] of Object.entries(totals.byVehicleType)) {
  console.log(`${pad(type)}${count}`);
}
console.log('models per fuel type (a model may have several):');
for (const [fuel, count] of Object.entries(totals.byFuelType)) {
  console.log(`${pad(fuel)}${count}`);
}
console.log(`electric-only models (isEv): ${totals.evs}`);
console.log(`trims: ${totals.trims}`);
console.log('catalog: OK');
