// `npm run build:embed`: the clinic's custom element and the iframe host script, into dist/embed/.
//   backcheck.js       ES module entry: defines <backcheck-widget>; chunks it loads lazily sit beside it.
//   backcheck-host.js  tiny classic script (IIFE) for pages that use the iframe (embed.html, from vite.config.ts).
// Runs after the app build (which empties dist/), so dist/embed is its own to empty.
// `--mode package` (npm run build:package, run by `npm pack`): the same element for clinics with a bundler, into
// dist/package/: backcheck.js exporting the element and its chunks, plus index.d.ts (src/build/package-types.ts).
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { packageTypes } from './src/build/package-types.ts';
import { versionBanner, versionDefine, versionPlugin } from './src/build/version.ts';
import { embedCssPlugin } from './src/embed/embed-css.ts';
import { rulesPlugin } from './src/build/rules-plugin.ts';
import { productionBuilds } from './src/build/production.ts';
import { checkChunks, LOADED_CHECK } from './src/build/check-chunk.ts';

const OUT_DIR = 'dist/embed';

/**
 * The host script is a second, separate build: an IIFE cannot share a bundle (or chunks) with an ES module. It goes
 * beside the element, wherever that build writes (the bench builds into a temporary folder).
 */
function hostScriptBuild(): Plugin {
  let outDir = OUT_DIR;
  return {
    name: 'backcheck-host-script',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: versionDefine(),
        build: {
          target: 'es2017',
          rolldownOptions: { output: { postBanner: versionBanner('backcheck-host.js') } },
          outDir,
          emptyOutDir: false,
          sourcemap: false,
          lib: {
            entry: resolve(import.meta.dirname, 'src/embed/host.ts'),
            formats: ['iife'],
            name: 'backcheckHost',
            fileName: () => 'backcheck-host.js',
          },
        },
      });
    },
  };
}

const PACKAGE_DIR = 'dist/package';

export default defineConfig(({ command, mode }) => {
  productionBuilds(command);
  const forPackage = mode === 'package';
  const entry = forPackage ? 'src/embed/package.ts' : 'src/embed/backcheck.ts';
  // The check after its intro as one chunk, as in the app (src/build/check-chunk.ts); a clinic's bundler splits the
  // package its own way.
  const chunks = checkChunks(LOADED_CHECK);
  return {
    plugins: [
      rulesPlugin(),
      embedCssPlugin(),
      versionPlugin(),
      ...(forPackage ? [packageTypes(PACKAGE_DIR)] : [hostScriptBuild(), chunks.plugin]),
    ],
    // Chunks are found next to backcheck.js, wherever the clinic hosts it.
    base: './',
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: forPackage ? PACKAGE_DIR : OUT_DIR,
      emptyOutDir: true,
      sourcemap: false,
      // A bundler resolves the package's dynamic imports itself: Vite's preload helper (links built from
      // import.meta.url) would point into the clinic's bundle at files that are not there.
      modulePreload: forPackage ? false : undefined,
      rolldownOptions: {
        input: { backcheck: resolve(import.meta.dirname, entry) },
        // Stable entry name for the <script> tag; hashed lazy chunks so an update never mixes old and new code.
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
          assetFileNames: '[name]-[hash][extname]',
          // After minification, which would drop a comment.
          postBanner: (chunk) => (chunk.isEntry ? versionBanner('backcheck.js') : ''),
          ...(forPackage ? {} : { codeSplitting: { groups: [{ name: 'LoadedCheck', test: chunks.check, includeDependenciesRecursively: false }] } }),
        },
        // A library is not an app: keep the entry's exports and do not hoist its side effects away. On the CDN it has
        // none, and the check's chunk may import from it (a group without its dependencies needs that).
        preserveEntrySignatures: forPackage ? 'strict' : 'allow-extension',
      },
    },
  };
});
