// Builds the portal and serves it the way production does, pointed at the test CMS.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CMS_PORT, PORTAL_PORT, S3_PORT } from './ports.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
Object.assign(process.env, {
  HOST: '127.0.0.1',
  PORT: String(PORTAL_PORT),
  CMS_URL: `http://127.0.0.1:${CMS_PORT}`,
  // The CMS's bucket (see cms.mjs): owners' pictures come through the portal from there.
  MEDIA_ORIGIN: `http://127.0.0.1:${S3_PORT}`,
  // The tests browse over plain http: a `Secure` session cookie would never be sent back.
  COOKIE_SECURE: 'false',
});
execFileSync('npm', ['run', 'build', '-w', 'storefront'], { cwd: root, stdio: 'inherit' });
await import(path.join(root, 'storefront', 'dist', 'server', 'entry.mjs'));
