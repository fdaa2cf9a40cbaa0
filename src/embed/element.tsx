// <backcheck-widget>: the check inside an open shadow root, so the clinic's CSS cannot break it and its CSS cannot
// leak into the clinic's page. Styles arrive as constructable stylesheets (allowed under a strict `style-src`, unlike
// an injected <style>); events leave as bubbling, composed CustomEvents on the element.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import appCss from '../styles/backcheck.css?inline';
import { browserLocale } from '../i18n/index.ts';
import type { Locale } from '../rules/text.ts';
import { applyBrandProperties, coloursFromCss, widgetBrand } from './brand.ts';
import { checkProps } from './check-props.ts';
import { parseColour } from './contrast.ts';
import { INHERIT_FONT } from './fonts.ts';
import { printAlone } from './print-alone.ts';
import { EMBED_ROOT_CLASS } from './embed-root.ts';
import { widgetEventSender, type ShareAnswers } from './events.ts';
import { describeOptionProblems, OPTION_NAMES, parseEmbedOptions, type EmbedOptions, type OptionName } from './options.ts';
import { VERSION } from './version.ts';
import widgetCss from './widget.css?inline';
import { WidgetCheck } from './WidgetCheck.tsx';

export const ELEMENT_NAME = 'backcheck-widget';
const WHERE = `backcheck.js ${VERSION}`;
const LOAD_ADVICE =
  'Keep every file of the release\'s embed/ folder together, beside backcheck.js; if they are on another origin, that ' +
  'server must send Access-Control-Allow-Origin for each of them (docs/embedding.md, "Hosting the files").';

/** `allowed-origin` is for the iframe page only; the element talks to its page through DOM events. */
const ELEMENT_OPTIONS = OPTION_NAMES.filter((name) => name !== 'allowed-origin');

let sharedSheets: CSSStyleSheet[] | null = null;
/** One set of parsed stylesheets for every widget on the page. */
function widgetSheets(): CSSStyleSheet[] {
  sharedSheets ??= [appCss, widgetCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sharedSheets;
}

function supportsAdoptedSheets(): boolean {
  return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in ShadowRoot.prototype;
}

export class BackcheckWidget extends HTMLElement {
  static readonly observedAttributes: readonly string[] = ELEMENT_OPTIONS;
  /** The release this element comes from. */
  static readonly version: string = VERSION;
  /** Where the script that defined it was loaded from (set by defineBackcheckWidget). */
  static source = '';

  readonly #container: HTMLDivElement;
  #root: Root | null = null;
  #renderQueued = false;
  #unmountQueued = false;
  /** Console errors already given, so each problem is one error, not one per render. */
  readonly #reported = new Set<string>();
  /** The custom properties the branding set on the container last time. */
  #brandProperties: ReadonlySet<string> = new Set();
  /** A hidden element that turns any CSS colour the clinic wrote into rgb(), to check its contrast. */
  #colourProbe: HTMLSpanElement | null = null;
  #sender: { shareAnswers: boolean; send: ReturnType<typeof widgetEventSender> } | null = null;
  /** The check's language: the option, else what the check picks without one, until the person switches. */
  #locale: Locale = browserLocale();

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    if (supportsAdoptedSheets()) {
      shadow.adoptedStyleSheets = widgetSheets();
    } else {
      // Browsers without constructable stylesheets (before 2023): a <style> works there unless a strict CSP
      // blocks it, in which case the widget is unstyled but still usable.
      const style = document.createElement('style');
      style.textContent = `${appCss}\n${widgetCss}`;
      shadow.append(style);
    }
    this.#container = document.createElement('div');
    this.#container.className = EMBED_ROOT_CLASS;
    this.#container.setAttribute('part', 'root');
    shadow.append(this.#container);
  }

  connectedCallback(): void {
    this.#unmountQueued = false;
    this.#measureDefaultTextSize();
    this.#render();
  }

  attributeChangedCallback(): void {
    if (!this.isConnected || this.#renderQueued) return;
    // Several attributes set one after the other become one render.
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) this.#render();
    });
  }

  disconnectedCallback(): void {
    // Moving the element (remove, then insert elsewhere in the same task) keeps the person's place; only a
    // removal that lasts unmounts React and drops its listeners.
    this.#unmountQueued = true;
    queueMicrotask(() => {
      if (!this.#unmountQueued) return;
      this.#unmountQueued = false;
      this.#root?.unmount();
      this.#root = null;
    });
  }

  #options(): EmbedOptions {
    const { options, problems } = parseEmbedOptions((name: OptionName) =>
      name === 'allowed-origin' ? null : this.getAttribute(name),
    );
    for (const problem of problems) this.#reportOnce(describeOptionProblems(`<${ELEMENT_NAME}>`, [problem]));
    return options;
  }

  #reportOnce(text: string): void {
    if (this.#reported.has(text)) return;
    this.#reported.add(text);
    console.error(text);
  }

  /** The clinic's colours (attributes and its CSS on this element), checked for contrast, then radius and font. */
  #applyBrand(options: EmbedOptions): void {
    const style = getComputedStyle(this);
    const css = coloursFromCss((property) => this.#cssColour(style.getPropertyValue(property)));
    const font = options.brand.font === INHERIT_FONT ? getComputedStyle(this.parentElement ?? document.body).fontFamily : options.brand.font;
    const plan = widgetBrand(options, css, font);
    for (const problem of plan.problems) this.#reportOnce(`<${ELEMENT_NAME}>: ${problem}`);
    this.#brandProperties = applyBrandProperties(this.#container, plan.properties, this.#brandProperties);
  }

  /** A colour from the clinic's CSS as rgb() (named colours, hsl() and the like included); null when not set. */
  #cssColour(raw: string): string | null {
    const value = raw.trim();
    if (!value || parseColour(value)) return value || null;
    if (!this.#colourProbe) {
      this.#colourProbe = document.createElement('span');
      this.#colourProbe.hidden = true;
      this.shadowRoot?.append(this.#colourProbe);
    }
    this.#colourProbe.style.color = '';
    this.#colourProbe.style.color = value;
    // Not a colour at all: left as written, and reported as one that cannot be checked.
    return this.#colourProbe.style.color ? getComputedStyle(this.#colourProbe).color : value;
  }

  #render(): void {
    const options = this.#options();
    this.#container.dataset.theme = options.theme;
    this.#applyBrand(options);
    this.#locale = options.locale ?? this.#locale;
    if (!this.#sender || this.#sender.shareAnswers !== options.shareAnswers) {
      this.#sender = {
        shareAnswers: options.shareAnswers,
        send: widgetEventSender(
          options.shareAnswers,
          this.#loadShare,
          ({ type, detail }) => {
            this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
          },
          () => this.#locale,
        ),
      };
    }
    const props = checkProps(options, this.#sender.send);
    props.onLocaleChange = (locale) => {
      this.#locale = locale;
    };
    props.onPrint = () => printAlone(this);
    this.#root ??= createRoot(this.#container);
    this.#root.render(
      <StrictMode>
        <WidgetCheck {...props} where={WHERE} loadAdvice={LOAD_ADVICE} />
      </StrictMode>,
    );
  }

  readonly #loadShare = async (): Promise<ShareAnswers> => {
    const { shareAnswersIn } = await import('./share.ts');
    return shareAnswersIn(() => this.#locale);
  };

  /**
   * backcheck.css is sized in rem, which in a page means the page's root font size (often changed, e.g. to 62.5%).
   * The widget's root resets to the reader's default size (`all: initial`), so its computed size is the rem the
   * widget should use. Set through the CSSOM, which a strict CSP allows.
   */
  #measureDefaultTextSize(): void {
    const size = getComputedStyle(this.#container).fontSize;
    if (/^\d+(\.\d+)?px$/.test(size)) this.#container.style.setProperty('--backcheck-default-text-size', size);
  }
}

/**
 * Registers the element once, however often and in whatever order its scripts are included. Returns false when it was
 * already defined; a second copy of the script (another URL, another version, or the npm package beside the CDN
 * script) says so on the console and does nothing else, so every widget keeps one set of events.
 */
export function defineBackcheckWidget(source = ''): boolean {
  const defined = customElements.get(ELEMENT_NAME);
  if (!defined) {
    BackcheckWidget.source = source;
    customElements.define(ELEMENT_NAME, BackcheckWidget);
    return true;
  }
  if (defined !== BackcheckWidget) {
    const first = defined as Partial<typeof BackcheckWidget>;
    console.warn(
      `${WHERE} (${source || 'a bundle'}) is on this page more than once: <${ELEMENT_NAME}> was already defined by ` +
        `${first.version ?? 'another'} version from ${first.source || 'another script'}, which runs every widget; this copy does nothing. ` +
        'Include backcheck.js once.',
    );
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'backcheck-widget': BackcheckWidget;
  }
}
