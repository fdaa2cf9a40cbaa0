import { defineConfig } from 'vitest/config';
import { devCsp } from './src/build/dev-csp.ts';
import { offlinePlugin } from './src/build/offline-plugin.ts';
import { checkChunks, LOADED_CHECK } from './src/build/check-chunk.ts';
import { productionBuilds } from './src/build/production.ts';
import { rulesPlugin } from './src/build/rules-plugin.ts';
import { versionPlugin } from './src/build/version.ts';
import { embedCssPlugin } from './src/embed/embed-css.ts';

export default defineConfig(({ command }) => {
  productionBuilds(command);
  const chunks = checkChunks(LOADED_CHECK, /[\\/]src[\\/]review[\\/]/);
  return {
    plugins: [rulesPlugin(), embedCssPlugin(), devCsp(), versionPlugin(), offlinePlugin(), chunks.plugin],
    // Every URL in the built pages is relative, so the release folder works under any path of any host (a CDN's
    // /backcheck/backcheck-1.2.0/ as well as a site's root). The dev server still serves from /.
    base: './',
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: {
      target: 'es2022',
      sourcemap: false,
      // Every browser the check supports knows modulepreload (Safari since 17); one that does not just loads later.
      modulePreload: { polyfill: false },
      // The standalone app, and the page a clinic's iframe loads (the custom element: vite.embed.config.ts).
      rolldownOptions: {
        input: { index: 'index.html', embed: 'embed.html' },
        // The check after its intro in two chunks rather than six (src/build/check-chunk.ts).
        output: {
          codeSplitting: {
            groups: [
              { name: 'engine', test: chunks.engine, includeDependenciesRecursively: false },
              { name: 'LoadedCheck', test: chunks.check, includeDependenciesRecursively: false },
            ],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./vitest.setup.ts'],
      include: ['tests/**/*.test.{ts,tsx}'],
      exclude: ['tests/browser/**', 'node_modules/**'],
    },
  };
});
