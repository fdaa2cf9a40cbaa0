// `npm run demo`: the build and these demo clinic pages on http://127.0.0.1:4173 (PORT to change it), under the
// strict CSP a clinic's page would have. Ctrl-C stops it.
import { resolve } from 'node:path';
import { DEMO_ORIGIN, serveEmbedSite } from '../tests/browser/embed-site.ts';

const port = Number(process.env.PORT ?? new URL(DEMO_ORIGIN).port);
const site = await serveEmbedSite(resolve(import.meta.dirname, '..'), { port });
console.log(
  [
    `Demo clinic pages, served like a clinic's site:`,
    `  custom element  ${site.url}examples/clinic.html`,
    `  iframe          ${site.url}examples/clinic-iframe.html`,
    `  the check       ${site.url}  (iframe page: ${site.url}embed.html)`,
    'Ctrl-C stops the server.',
  ].join('\n'),
);
process.once('SIGINT', () => void site.close().then(() => process.exit(0)));
