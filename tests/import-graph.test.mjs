import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { findCycles, importGraph } from './support/import-graph.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const cmsSrc = path.join(repo, 'cms', 'src');
const cmsLib = path.join(cmsSrc, 'lib');
const relative = (file) => path.relative(repo, file);
const describeCycle = (cycle) => cycle.map(relative).join(' → ');

const cmsGraph = importGraph(path.join(repo, 'cms'), [cmsSrc]);
const portalGraph = importGraph(path.join(repo, 'storefront'), [
  path.join(repo, 'storefront', 'src'),
]);

test('cms/src has no import cycle, type-only imports included', () => {
  const cycles = findCycles(cmsGraph);
  assert.deepEqual(cycles.map(describeCycle), []);
});

test('storefront/src has no import cycle, type-only imports included', () => {
  const cycles = findCycles(portalGraph);
  assert.deepEqual(cycles.map(describeCycle), []);
});

test('cms/src/lib imports no domain, provisioning, demo data or plugin', () => {
  const outside = [];
  for (const [file, targets] of cmsGraph) {
    if (!file.startsWith(cmsLib + path.sep)) continue;
    for (const target of targets) {
      if (!target.startsWith(cmsLib + path.sep))
        outside.push(`${relative(file)} → ${relative(target)}`);
    }
  }
  assert.deepEqual(outside, []);
});

// The checks above pass on a clean tree; these show they catch what they are for.
const fixture = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
after(() => rmSync(fixture, { recursive: true, force: true }));

function project(files) {
  const dir = mkdtempSync(path.join(fixture, 'project-'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true } }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
    writeFileSync(path.join(dir, 'src', name), text);
  }
  return { dir, graph: importGraph(dir, [path.join(dir, 'src')]) };
}

test('a cycle made only of type imports is found and named file by file', () => {
  const { dir, graph } = project({
    'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
    'b.ts': "import type { C } from './nested/c';\nexport type B = { c?: C };\n",
    'nested/c.ts': "export type C = { a?: import('../a').A };\n",
    'd.ts': "import { x } from './e';\nexport const d = x;\n",
    'e.ts': 'export const x = 1;\n',
  });
  const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(dir, file)));
  assert.deepEqual(cycles, [['src/a.ts', 'src/b.ts', 'src/nested/c.ts', 'src/a.ts']]);
});

test('re-exports, dynamic imports and index folders count as edges', () => {
  const { graph } = project({
    'index.ts': "export * from './service';\n",
    'service.ts': "export const load = () => import('./index');\n",
  });
  assert.equal(findCycles(graph).length, 1);
});
