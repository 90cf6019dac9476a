import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CMS_PORT, PORTAL_PORT } from './servers/ports.mjs';

const root = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Generous: the admin panel and the first page of each app render slowly on a 2-core machine
  // that is also running both servers; a real breakage still fails, only later.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry: a test that passes only on its retry is reported as flaky, not hidden.
  retries: 1,
  forbidOnly: true,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORTAL_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'node e2e/servers/cms.mjs',
      cwd: root,
      url: `http://127.0.0.1:${CMS_PORT}/healthz`,
      timeout: 480_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      command: 'node e2e/servers/portal.mjs',
      cwd: root,
      url: `http://127.0.0.1:${PORTAL_PORT}/healthz`,
      timeout: 480_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
