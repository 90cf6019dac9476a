#!/usr/bin/env node
// Builds every local plugin (cms/src/plugins/<name>, each an npm workspace with a `build`
// script) before the app is compiled, so a clean clone, the tests and the image all load
// fresh plugin builds. `--watch` runs each plugin's `watch` script instead and, after every
// successful rebuild, touches <plugin>/rebuilt.stamp: `strapi develop` restarts on that file
// (it ignores the plugin's sources, config/admin.ts, so it never restarts on a stale build).
const { spawn } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const pluginsDir = path.resolve(__dirname, '..', 'src', 'plugins');
const watch = process.argv.includes('--watch');

function plugins() {
  if (!existsSync(pluginsDir)) return [];
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(pluginsDir, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => manifest.strapi?.kind === 'plugin' && manifest.scripts?.build);
}

function run(dir, script, onLine) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: dir,
      stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'],
    });
    if (onLine) {
      let pending = '';
      child.stdout.on('data', (chunk) => {
        const lines = (pending + chunk.toString()).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  const found = plugins();
  if (watch) {
    for (const { dir, manifest } of found) {
      const stamp = path.join(dir, 'rebuilt.stamp');
      run(dir, 'watch', (line) => {
        process.stdout.write(`[${manifest.strapi.name}] ${line}\n`);
        // tsc --watch reports "Found 0 errors. Watching for file changes." after each build.
        if (/Found 0 errors/.test(line)) writeFileSync(stamp, `${new Date().toISOString()}\n`);
      });
    }
    return;
  }
  for (const { dir, manifest } of found) {
    const code = await run(dir, 'build');
    if (code !== 0) {
      console.error(`plugin ${manifest.strapi.name}: build failed (exit ${code})`);
      process.exit(code);
    }
  }
}

main();
