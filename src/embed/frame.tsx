// embed.html: the check in its own page, for clinics that prefer an iframe. Options come from the query string;
// events and the content height go to the parent page by postMessage, only to an origin the clinic listed in
// `allowed-origin` (never '*', which would hand results to whatever page framed it); frame-link.ts says on the
// console when the page that framed it is not on that list.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import appCss from '../styles/backcheck.css?inline';
import { browserLocale } from '../i18n/index.ts';
import type { Locale } from '../rules/text.ts';
import { applyBrandProperties, widgetBrand } from './brand.ts';
import { checkProps } from './check-props.ts';
import { EMBED_ROOT_CLASS } from './embed-root.ts';
import { widgetEventSender, type WidgetEvent } from './events.ts';
import frameCss from './frame.css?inline';
import { INHERIT_FONT } from './fonts.ts';
import { frameLink, framingOrigin } from './frame-link.ts';
import { allowedOriginParam, MESSAGE_SOURCE, type WidgetMessage } from './messages.ts';
import { describeOptionProblems, parseEmbedOptions } from './options.ts';
import { VERSION } from './version.ts';
import widgetCss from './widget.css?inline';
import { preloadWidgetCheck, WidgetCheck } from './WidgetCheck.tsx';

const WHERE = 'backcheck embed.html';

const params = new URLSearchParams(window.location.search);
const { options, problems } = parseEmbedOptions((name) =>
  name === 'allowed-origin' ? allowedOriginParam(params) : params.get(name),
);
for (const problem of problems) console.error(describeOptionProblems(WHERE, [problem]));
if (window.location.hash.length > 1) {
  // An unencoded # (a colour such as accent-color=#0a6e4f) ends the query: nothing after it is an option.
  console.error(
    `${WHERE}: everything after the # in the address ("${window.location.hash.slice(0, 40)}") is not read as options: ` +
      'write # as %23 in colours, or leave it out (accent-color=0a6e4f).',
  );
}

const framed = window.parent !== window;
const link = framed
  ? frameLink({
      allowed: options.allowedOrigins,
      parentOrigin: framingOrigin(window.location, document.referrer),
      version: VERSION,
      post: (message, origin) => window.parent.postMessage(message, origin),
      error: (text) => console.error(text),
    })
  : null;
if (link) {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source === window.parent) link.receive(event.data, event.origin);
  });
}

function post(message: WidgetMessage): void {
  link?.send(message);
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
if (options.brand.font === INHERIT_FONT) {
  console.error(`${WHERE}: "font" inherit works for the custom element only (a frame cannot see your page's fonts); using the default.`);
}
const brand = widgetBrand(options, [], options.brand.font === INHERIT_FONT ? null : options.brand.font);
for (const problem of brand.problems) console.error(`${WHERE}: ${problem}`);
applyBrandProperties(container, brand.properties, new Set());

// What the check shows without a locale option (LazyCheck's own choice), until the person switches.
let locale: Locale = options.locale ?? browserLocale();
const setLocale = (l: Locale) => {
  locale = l;
  document.documentElement.lang = l;
};
if (options.locale) setLocale(options.locale);

const send = widgetEventSender(
  options.shareAnswers,
  async () => (await import('./share.ts')).shareAnswersIn(() => locale),
  ({ type, detail }: WidgetEvent) => post({ source: MESSAGE_SOURCE, type, detail: { ...detail } }),
  () => locale,
);

// The host script sets the iframe to this height, so the page scrolls, not the frame.
let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(container.getBoundingClientRect().height);
  // 0 is the empty root before React's first render: keep the page's placeholder height until there is content.
  if (height === lastHeight || height === 0) return;
  lastHeight = height;
  post({ source: MESSAGE_SOURCE, type: 'backcheck:resize', detail: { height } });
}).observe(container);

preloadWidgetCheck(locale);
const props = checkProps(options, send);
props.onLocaleChange = setLocale;
createRoot(container).render(
  <StrictMode>
    <WidgetCheck
      {...props}
      where={`${WHERE} ${VERSION}`}
      loadAdvice="Keep the release folder whole: embed.html beside its assets/ folder, at the address the iframe's src names."
    />
  </StrictMode>,
);
