import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const example = parseEnv(readFileSync(path.join(root, 'config/.env.example'), 'utf8'));
const config = readFileSync(path.join(root, 'storefront/astro.config.mjs'), 'utf8');
const schemaNames = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]*): envField\./gm)].map((m) => m[1]);

describe('config/.env.example', () => {
  it("documents every variable of the portal's env schema", () => {
    expect(schemaNames).toContain('PORTAL_PROXY_HOPS');
    expect(schemaNames.filter((name) => !(name! in example))).toEqual([]);
  });
});
