// embed.html: the check in its own page, for clinics that prefer an iframe. Options come from the query string;
// events and the content height go to the parent page by postMessage, only to the origin the clinic named in
// `allowed-origin` (never '*', which would hand results to whatever page framed it).
// Plugin-react's dev preamble as a module, as main.tsx does (the CSP blocks the inline one); empty in builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import appCss from '../styles/backcheck.css?inline';
import type { Locale } from '../rules/text.ts';
import { checkProps } from './check-props.ts';
import { EMBED_ROOT_CLASS } from './embed-root.ts';
import { widgetEventSender, type WidgetEvent } from './events.ts';
import frameCss from './frame.css?inline';
import { MESSAGE_SOURCE, type WidgetMessage } from './messages.ts';
import { describeOptionProblems, parseEmbedOptions } from './options.ts';
import widgetCss from './widget.css?inline';
import { preloadWidgetCheck, WidgetCheck } from './WidgetCheck.tsx';

const WHERE = 'backcheck embed.html';

const params = new URLSearchParams(window.location.search);
const { options, problems } = parseEmbedOptions((name) => params.get(name));
for (const problem of problems) console.error(describeOptionProblems(WHERE, [problem]));
const framed = window.parent !== window;
if (framed && !options.allowedOrigin) {
  console.error(
    `${WHERE}: no "allowed-origin" in the address, so no events or size changes are sent to the page. ` +
      'Add ?allowed-origin=https://your-clinic.example (your page\'s origin).',
  );
}

function post(message: WidgetMessage): void {
  if (framed && options.allowedOrigin) window.parent.postMessage(message, options.allowedOrigin);
}

const sheets = [appCss, widgetCss, frameCss].map((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
});
document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];

const container = document.getElementById('backcheck');
if (!container) throw new Error('embed.html has no #backcheck element');
container.className = EMBED_ROOT_CLASS;
container.dataset.theme = options.theme;

let locale: Locale = options.locale ?? 'en';
const setLocale = (l: Locale) => {
  locale = l;
  document.documentElement.lang = l;
};
if (options.locale) setLocale(options.locale);

const send = widgetEventSender(
  options.shareAnswers,
  async () => (await import('./share.ts')).shareAnswersIn(() => locale),
  ({ type, detail }: WidgetEvent) => post({ source: MESSAGE_SOURCE, type, detail: { ...detail } }),
);

// The host script sets the iframe to this height, so the page scrolls, not the frame.
let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(container.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  post({ source: MESSAGE_SOURCE, type: 'backcheck:resize', detail: { height } });
}).observe(container);

preloadWidgetCheck();
const props = checkProps(options, send);
props.onLocaleChange = setLocale;
createRoot(container).render(
  <StrictMode>
    <WidgetCheck {...props} />
  </StrictMode>,
);
