// Local Strapi plugins (cms/src/plugins/<name>) are npm workspaces the app loads by path:
// each must be a workspace, registered with `resolve`, and shipped by the CMS image.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const pluginsDir = path.join(root, 'cms', 'src', 'plugins');
const plugins = readdirSync(pluginsDir, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(path.join(pluginsDir, entry.name, 'package.json')),
  )
  .map((entry) => entry.name);

test('there is at least one local plugin', () => {
  assert.ok(plugins.includes('audit-log'), `found: ${plugins.join(', ')}`);
});

for (const name of plugins) {
  const dir = `cms/src/plugins/${name}`;
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));

  test(`${name}: a Strapi plugin package with server and admin entry points and a build`, () => {
    assert.equal(manifest.strapi?.kind, 'plugin');
    assert.equal(manifest.strapi?.name, name);
    assert.ok(manifest.exports?.['./strapi-server']?.require, 'exports ./strapi-server');
    assert.ok(manifest.scripts?.build, 'a build script (cms/scripts/build-plugins.js runs it)');
    assert.ok(manifest.scripts?.watch, 'a watch script (npm run dev runs it)');
    const admin = manifest.exports?.['./strapi-admin']?.import;
    if (admin) assert.ok(existsSync(path.join(root, dir, admin)), `${admin} exists`);
  });

  test(`${name}: a workspace in the root package.json and package-lock.json`, () => {
    const rootManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.ok(rootManifest.workspaces.includes('cms/src/plugins/*'));
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    assert.equal(lock.packages[dir]?.name, manifest.name, `${dir} is in the lock file`);
  });

  test(`${name}: registered in cms/config/plugins.ts by path and enabled`, () => {
    const config = readFileSync(path.join(root, 'cms', 'config', 'plugins.ts'), 'utf8');
    // Prettier quotes a key only when it must ('audit-log'), so a one-word name is bare.
    const key = new RegExp(`(^|\\s)(${name}|'${name}'): \\{`, 'm').exec(config);
    assert.ok(key, `'${name}' is a key of cms/config/plugins.ts`);
    const block = config.slice(key.index);
    assert.match(block, new RegExp(`resolve: '\\./src/plugins/${name}'`));
    assert.match(block.slice(0, 200), /enabled: true/);
  });

  test(`${name}: the CMS image copies its manifest before npm ci`, () => {
    const dockerfile = readFileSync(path.join(root, 'cms', 'Dockerfile'), 'utf8');
    assert.ok(
      dockerfile.includes(`COPY ${dir}/package.json ${dir}/package.json`),
      `cms/Dockerfile: COPY ${dir}/package.json ${dir}/package.json`,
    );
  });
}
