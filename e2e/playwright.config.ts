// End-to-end tests: Playwright driving Debian's Chromium against the release
// build. Run from this folder with `npx playwright test`.
//
// The build served is ../dist (from `trunk build --release`), or the folder
// named by the environment variable E2E_DIST (handy when another build is
// being written to ../dist while the tests run: copy it and point E2E_DIST
// at the copy).
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = process.env.E2E_DIST ?? '../dist';
const index = resolve(here, dist, 'index.html');
if (!existsSync(index)) {
  throw new Error(
    `No release build to test: ${index} is missing. ` +
      'Run trunk build --release in the project folder first' +
      (process.env.E2E_DIST ? ' (or fix E2E_DIST).' : '.'),
  );
}

const PORT = Number(process.env.E2E_PORT ?? 8091);

export default defineConfig({
  testDir: './tests',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 90_000, // an upper bound for a hung test: long flows on a busy shared machine take 20–40 s
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The service worker serves the build from its cache, where page.route
    // can't see the requests: only offline.spec lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    command: `node serve.mjs ${PORT} ${dist}`,
    cwd: here,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
