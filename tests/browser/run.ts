// `npm run test:browser`: builds the app and runs the real-Chromium tests (tests/browser/*.browser.test.ts).
// Without Chromium it says how to get one; under CI=true that is a failure, never a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM_PATH } from './chromium.ts';

const path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
if (!existsSync(path)) {
  console.error(
    [
      `The browser tests need Chromium, and none was found at ${path}.`,
      "Install Debian's Chromium:   sudo apt-get install -y chromium",
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
  if (process.env.CI === 'true') {
    console.error('CI=true: failing instead of skipping the browser tests.');
    process.exit(1);
  }
  console.error('Browser tests NOT run (not in CI). Every other test has run.');
  process.exit(0);
}

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
run('npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts', ...process.argv.slice(2)]);
