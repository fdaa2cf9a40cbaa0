// The release's version (package.json), set at build time by every Vite config (src/build/version.ts), so that
// embed.html, backcheck.js and backcheck-host.js can say which release they are, e.g. in a console message.
declare const __BACKCHECK_VERSION__: string;

export const VERSION: string = __BACKCHECK_VERSION__;
