// Build time: the package version, stamped into what a clinic hosts so each file says which release it is: a
// `define` for the code (src/embed/version.ts), a <meta name="backcheck-version"> in the pages, and a first-line
// comment in the entry scripts (backcheck.js, backcheck-host.js).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}

/** `define` entries for a Vite config. */
export function versionDefine(): Record<string, string> {
  return { __BACKCHECK_VERSION__: JSON.stringify(packageVersion()) };
}

/** The comment that opens an entry script, e.g. `/*! backcheck 1.2.0 *\/`. */
export function versionBanner(file: string): string {
  return `/*! ${file} ${packageVersion()} */`;
}

export function versionPlugin(): Plugin {
  return {
    name: 'backcheck-version',
    config: () => ({ define: versionDefine() }),
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'backcheck-version', content: packageVersion() }, injectTo: 'head' }],
  };
}
