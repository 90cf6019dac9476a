// What every benchmark here needs: one-off SQL against the test PostgreSQL, waiting for a
// server to answer, and stopping a server it started.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(import.meta.dirname, '..', 'cms', 'package.json'));
const { Client } = require('pg');

/** Runs one statement on its own connection. */
export async function sql(url, text, values) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Resolves once `url` answers 2xx; polls every 500 ms for up to `seconds` (two minutes). */
export async function waitFor(url, seconds = 120) {
  for (let attempt = 0; attempt < seconds * 2; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** SIGTERM (Strapi and Astro shut down cleanly on it), SIGKILL if still running after 10 s. */
export function stopProcess(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
