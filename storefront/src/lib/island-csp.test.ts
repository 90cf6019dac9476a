import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspHash, ISLAND_SCRIPT_HASHES } from './island-csp';

const src = fileURLToPath(new URL('..', import.meta.url));

/** The client directives the portal's pages and components use (`client:visible`, …). */
function usedDirectives(): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.astro')) continue;
    for (const match of readFileSync(path.join(src, file), 'utf8').matchAll(/\bclient:(\w+)/g)) {
      used.add(match[1]!);
    }
  }
  return used;
}

describe('ISLAND_SCRIPT_HASHES', () => {
  it('allows the inline script of every client directive the portal uses (else its islands never hydrate)', async () => {
    const used = usedDirectives();
    expect(used.size).toBeGreaterThan(0);
    for (const directive of used) {
      const script = (await import(`astro/runtime/client/${directive}.prebuilt.js`)) as {
        default: string;
      };
      expect(ISLAND_SCRIPT_HASHES, `client:${directive}`).toContain(cspHash(script.default));
    }
  });
});
