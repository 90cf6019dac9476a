// The CMS as production runs it (NODE_ENV=production, compiled, JSON request logs), for the
// benchmarks. Configuration comes from the environment the benchmark passes.
import { createRequire } from 'node:module';
import path from 'node:path';

const cmsDir = path.resolve(import.meta.dirname, '..', 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const { createStrapi } = require('@strapi/strapi');

const strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
await strapi.start();
