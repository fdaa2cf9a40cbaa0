// The renderer the check ships with: the source is written against React's API and types, and every build, the dev
// server and the jsdom tests run it on Preact's compatibility layer instead of react-dom (about 10 kB gzip instead
// of 60: react-dom alone was two thirds of the whole check's budget).
import { fileURLToPath } from 'node:url';

const ALIASES: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom/test-utils': 'preact/test-utils',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
  // What @xstate/react takes from use-sync-external-store, as ES modules on the same renderer.
  'use-sync-external-store/shim': 'preact/compat',
  'use-sync-external-store/shim/with-selector': fileURLToPath(new URL('../ui/use-sync-external-store-with-selector.ts', import.meta.url)),
};

/** For `resolve.alias`: exact names only, so `react18` and `react-dom18` (the old React a test page loads) stay. */
export const rendererAliases = Object.entries(ALIASES).map(([name, target]) => ({
  find: new RegExp(`^${name.replaceAll('/', '\\/')}$`),
  replacement: target,
}));

/**
 * For Vitest: libraries that import React, run through Vite (inlined, from their ES module builds) so the aliases
 * above apply to them as they do in the build; left to Node, they would load the real React beside Preact.
 */
export const rendererTestDeps = {
  inline: [/@testing-library\/react/, /@xstate\/react/, /use-isomorphic-layout-effect/],
  alias: [
    { find: /^@testing-library\/react$/, replacement: packageFile('@testing-library/react', 'dist/@testing-library/react.esm.js') },
    { find: /^@xstate\/react$/, replacement: packageFile('@xstate/react', 'dist/xstate-react.esm.js') },
    { find: /^use-isomorphic-layout-effect$/, replacement: packageFile('use-isomorphic-layout-effect', 'dist/use-isomorphic-layout-effect.browser.esm.js') },
  ],
};

/** A file inside an installed package, past its `exports` map (which lists only its CommonJS builds for Node). */
function packageFile(name: string, path: string): string {
  return fileURLToPath(new URL(path, import.meta.resolve(`${name}/package.json`)));
}
