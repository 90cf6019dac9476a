// The admin panel bundle for the browser tests. `strapi build` takes one to two minutes, so
// the bundle is kept in cms/.cache/e2e-admin/<hash of its inputs> and copied into dist/build
// (which `npm run compile` empties) when nothing it is built from has changed. A clean clone
// (CI) has no cache and builds once.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Super Admin the browser tests sign in with; created by cms.mjs on its throwaway database. */
export const E2E_ADMIN = { email: 'e2e-admin@motorghar.test', password: 'Rara-Lake-2990-m' };

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** What the admin bundle is built from: dependencies, admin config, every plugin's admin. */
function inputs(root, cmsDir) {
  const plugins = path.join(cmsDir, 'src', 'plugins');
  const pluginDirs = fs.existsSync(plugins) ? fs.readdirSync(plugins).sort() : [];
  return [
    path.join(root, 'package-lock.json'),
    path.join(cmsDir, 'config', 'admin.ts'),
    path.join(cmsDir, 'config', 'plugins.ts'),
    path.join(cmsDir, 'config', 'server.ts'),
    ...files(path.join(cmsDir, 'src', 'admin')),
    // The content types' admin views: app.tsx takes their Nepali labels from them.
    path.join(cmsDir, 'src', 'admin-views.ts'),
    ...files(path.join(cmsDir, 'src', 'api')).filter((file) => file.endsWith('admin-view.ts')),
    ...pluginDirs.flatMap((name) => [
      path.join(plugins, name, 'package.json'),
      ...files(path.join(plugins, name, 'admin', 'src')),
    ]),
  ].filter((file) => fs.existsSync(file));
}

export function ensureAdminPanel({ root, cmsDir, env }) {
  const hash = createHash('sha256');
  // The bundle's mode is an input too: a development React makes every admin page slow.
  hash.update('mode:production\0');
  for (const file of inputs(root, cmsDir)) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file));
  }
  const cacheRoot = path.join(cmsDir, '.cache', 'e2e-admin');
  const cached = path.join(cacheRoot, hash.digest('hex').slice(0, 16));
  const target = path.join(cmsDir, 'dist', 'build');
  if (!fs.existsSync(path.join(cached, 'index.html'))) {
    // `strapi build` compiles the server again (same output) before bundling the admin.
    // NODE_ENV=production: Vite keeps a NODE_ENV it finds (test, development), and with it
    // React's development build, which made the admin specs' pages several times slower.
    execFileSync('npx', ['strapi', 'build'], {
      cwd: cmsDir,
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.rmSync(cacheRoot, { recursive: true, force: true });
    fs.cpSync(target, cached, { recursive: true });
    return 'built';
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(cached, target, { recursive: true });
  return 'cached';
}
