// Builds the portal and serves it the way production does, pointed at the test CMS.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CMS_PORT, PORTAL_PORT, S3_PORT } from './ports.mjs';
import { PORTAL_CHAIN } from '../../scripts/dev-env.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
Object.assign(process.env, {
  HOST: '127.0.0.1',
  PORT: String(PORTAL_PORT),
  // Nothing in front: each visitor's address is the socket's, sent on as the CMS's one hop.
  ...PORTAL_CHAIN,
  CMS_URL: `http://127.0.0.1:${CMS_PORT}`,
  // The CMS's bucket (see cms.mjs): owners' pictures come through the portal from there.
  MEDIA_ORIGIN: `http://127.0.0.1:${S3_PORT}`,
  // No COOKIE_SECURE=false: Chromium keeps Secure (and so __Host-) cookies from
  // http://127.0.0.1, a potentially trustworthy origin, so the tests use production's cookies.
});
execFileSync('npm', ['run', 'build', '-w', 'storefront'], { cwd: root, stdio: 'inherit' });
// As `npm start` does: the preload keeps each request's socket address (PORTAL_PROXY_HOPS).
await import(path.join(root, 'storefront', 'peer-address.mjs'));
await import(path.join(root, 'storefront', 'server.mjs'));
