import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks in the browser (`npm run bench:e2e`): not part of the test gate; one worker so timings do not
// compete with each other.
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  testIgnore: [],
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
});
