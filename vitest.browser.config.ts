// Real-Chromium tests: Node environment (the page runs in Chromium, not jsdom), one file at a time on a
// 2-core machine, generous timeouts for cold browser starts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.browser.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
