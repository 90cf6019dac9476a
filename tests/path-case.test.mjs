import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const repo = path.resolve(import.meta.dirname, '..');

/** Groups of paths that are one path on a case-insensitive file system (macOS, Windows). */
export function caseClashes(paths) {
  const byFolded = new Map();
  for (const file of paths) {
    const folded = file.toLowerCase();
    byFolded.set(folded, [...(byFolded.get(folded) ?? []), file]);
  }
  return [...byFolded.values()].filter((group) => group.length > 1);
}

test('caseClashes names paths that differ only in case, folders included', () => {
  assert.deepEqual(
    caseClashes(['a/Spending.test.ts', 'a/spending.test.ts', 'a/spending-text.test.ts']),
    [['a/Spending.test.ts', 'a/spending.test.ts']],
  );
  assert.deepEqual(caseClashes(['Docs/x.md', 'docs/x.md']), [['Docs/x.md', 'docs/x.md']]);
  assert.deepEqual(caseClashes(['a/b.ts', 'a/c.ts']), []);
});

test('no two tracked files differ only in case: a checkout on macOS or Windows would lose one', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  assert.deepEqual(caseClashes(tracked), []);
});
