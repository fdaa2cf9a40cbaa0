// `npm run test:browser`: builds the app and runs the real-Chromium tests (tests/browser/*.browser.test.ts).
// Without Chromium (or nginx, for the release tests) it says how to get it; under CI=true that is a failure, never
// a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM_PATH } from './chromium.ts';
import { DEFAULT_NGINX_PATH } from './nginx.ts';

const needs = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH, apt: 'chromium', variable: 'CHROMIUM_PATH' },
  { name: 'nginx', path: process.env.NGINX_PATH || DEFAULT_NGINX_PATH, apt: 'nginx', variable: 'NGINX_PATH' },
];
const missing = needs.filter((n) => !existsSync(n.path));
if (missing.length > 0) {
  console.error(
    [
      `The browser tests need ${missing.map((n) => `${n.name} (none at ${n.path})`).join(' and ')}.`,
      `Install Debian's packages:   sudo apt-get install -y ${missing.map((n) => n.apt).join(' ')}`,
      `or point ${missing.map((n) => n.variable).join(' / ')} at the executable.`,
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
