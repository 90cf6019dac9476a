import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const repo = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: repo });
const lint = async (file, text) => {
  const [result] = await eslint.lintText(text, { filePath: path.join(repo, file) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
};

test('the lint refuses `as never` in cms/src, both spellings', async () => {
  const asNever = await lint('cms/src/api/x/services/x.ts', 'export const a = 1 as never;\n');
  assert.equal(asNever.length, 1);
  assert.match(asNever[0].message, /No `as never` in cms\/src/);
  const angle = await lint('cms/src/lib/x.ts', 'export const b = <never>(2 as unknown);\n');
  assert.equal(angle.length, 1);
});

test('the lint lets other casts through', async () => {
  assert.deepEqual(await lint('cms/src/lib/x.ts', 'export const c = 1 as unknown;\n'), []);
});

test('cms/src has no `as never` today', async () => {
  const results = await eslint.lintFiles(['cms/src/**/*.ts']);
  const found = results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === 'no-restricted-syntax')
      .map((message) => `${path.relative(repo, result.filePath)}:${message.line}`),
  );
  assert.deepEqual(found, []);
});
