import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks in the browser (`npm run bench:e2e`): not part of the test gate; one worker so timings do not
// compete with each other. The heap figures need precise `performance.memory` and a `gc()` to read what the
// page holds after a paste.
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  testIgnore: [],
  timeout: 300_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    ...base.use,
    launchOptions: {
      ...base.use?.launchOptions,
      args: [
        ...(base.use?.launchOptions?.args ?? []),
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
      ],
    },
  },
});
