// What every benchmark here needs: one-off SQL against the test PostgreSQL, waiting for a
// server to answer, and stopping a server it started.
import { readdir, readFile } from 'node:fs/promises';
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
  // A child that ended on a signal has no exit code, only a signal code: waiting for its
  // 'exit' again would never end, and the benchmark would quit before dropping its database.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * CPU seconds used so far per process, from /proc (Linux): `{ pid: { name, seconds } }`.
 * Two snapshots, `cpuSpent(before, after, names)`, say where a run's CPU went: this process
 * (the loopback servers), the CMS, PostgreSQL, Redis. Empty where /proc is not there.
 */
export async function cpuSnapshot() {
  const ticks = 100; // USER_HZ on Linux
  const snapshot = new Map();
  let pids = [];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return snapshot;
  }
  await Promise.all(
    pids.map(async (pid) => {
      try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const name = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        // utime and stime are fields 14 and 15; fields[] starts at field 3.
        snapshot.set(Number(pid), {
          name,
          seconds: (Number(fields[11]) + Number(fields[12])) / ticks,
        });
      } catch {
        // gone meanwhile
      }
    }),
  );
  return snapshot;
}

/**
 * A `label(pid, name)` for cpuSpent: the benchmark's own processes by pid (`known`), then
 * PostgreSQL's and Redis's by process name; any other is `other` (null: skipped).
 */
export function processLabels(known, other = null) {
  return (pid, name) => {
    if (known.has(pid)) return known.get(pid);
    if (name === 'postgres') return 'PostgreSQL';
    if (name.startsWith('redis')) return 'Redis';
    return other;
  };
}

/** CPU seconds between two snapshots, summed by label (`label(pid, name)`; null: skipped). */
export function cpuSpent(before, after, label) {
  const spent = new Map();
  for (const [pid, now] of after) {
    const key = label(pid, now.name);
    if (!key) continue;
    const seconds = now.seconds - (before.get(pid)?.seconds ?? 0);
    spent.set(key, (spent.get(key) ?? 0) + seconds);
  }
  return spent;
}

/** The machine's CPU seconds by kind from /proc/stat, or null off Linux. */
export async function kernelCpu() {
  try {
    const [user, nice, system, idle, iowait, irq, softirq] = (await readFile('/proc/stat', 'utf8'))
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map((value) => Number(value) / 100);
    return { user: user + nice, system: system + irq, idle: idle + iowait, softirq };
  } catch {
    return null;
  }
}

/** The machine's CPU seconds by kind between two kernelCpu() readings (null if either is). */
export function kernelCpuSpent(before, after) {
  if (!before || !after) return null;
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
}
