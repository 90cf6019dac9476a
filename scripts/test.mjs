#!/usr/bin/env node
// `npm test`: every suite in the repository, one after another, then one summary.
// A failing suite does not stop the others, so one run shows everything that is broken.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const report = (name) => path.join(reports, name);

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Jest and Vitest write the same JSON summary. */
const jestCounts = (file) => {
  const json = readJson(file);
  return (
    json && {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0),
    }
  );
};

const nodeTestCounts = (file) => {
  if (!existsSync(file)) return undefined;
  const tap = readFileSync(file, 'utf8');
  const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
};

const playwrightCounts = (file) => {
  const json = readJson(file);
  return json && { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
};

const suites = [
  { name: 'lint (eslint + prettier)', command: ['npm', 'run', 'lint'] },
  { name: 'types: cms (tsc)', command: ['npm', 'run', 'typecheck', '-w', 'cms'] },
  {
    name: 'types: storefront (astro check)',
    command: ['npm', 'run', 'typecheck', '-w', 'storefront'],
  },
  // The browser tests and bench scripts' TypeScript: Playwright strips types without checking.
  { name: 'types: e2e (tsc)', command: ['npx', 'tsc', '-p', 'e2e/tsconfig.json', '--noEmit'] },
  {
    name: 'repository (node:test)',
    command: [
      'node',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${report('repo.tap')}`,
      'tests/',
    ],
    counts: () => nodeTestCounts(report('repo.tap')),
  },
  {
    name: 'storefront unit (vitest)',
    command: [
      'npm',
      'run',
      'test',
      '-w',
      'storefront',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report('storefront.json')}`,
    ],
    counts: () => jestCounts(report('storefront.json')),
  },
  {
    name: 'cms unit + integration (jest, PostgreSQL, Redis)',
    command: [
      'npm',
      'run',
      'test',
      '-w',
      'cms',
      '--',
      '--json',
      `--outputFile=${report('cms.json')}`,
    ],
    counts: () => jestCounts(report('cms.json')),
  },
  {
    name: 'browser (playwright, chromium)',
    command: ['npm', 'run', 'e2e', '--', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report('e2e.json') },
    counts: () => playwrightCounts(report('e2e.json')),
  },
];

function run(suite) {
  return new Promise((resolve) => {
    const [command, ...args] = suite.command;
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...suite.env },
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const results = [];
for (const suite of suites) {
  console.log(`\n━━━ ${suite.name} ━━━`);
  const started = Date.now();
  const code = await run(suite);
  const seconds = Math.round((Date.now() - started) / 1000);
  const counted = suite.counts?.();
  // A suite that exits non-zero counts as failed even if its report says otherwise.
  const counts = counted ?? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ name: suite.name, ok: code === 0, seconds, ...counts });
}

console.log('\n━━━ summary ━━━');
for (const result of results) {
  const mark = result.ok ? 'ok  ' : 'FAIL';
  console.log(
    `${mark} ${result.name}: ${result.passed} passed, ${result.failed} failed (${result.seconds}s)`,
  );
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
