// <backcheck-widget>: the check inside an open shadow root, so the clinic's CSS cannot break it and its CSS cannot
// leak into the clinic's page. Styles arrive as constructable stylesheets (allowed under a strict `style-src`, unlike
// an injected <style>); events leave as bubbling, composed CustomEvents on the element.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import appCss from '../styles/backcheck.css?inline';
import type { Locale } from '../rules/text.ts';
import { checkProps } from './check-props.ts';
import { printAlone } from './print-alone.ts';
import { EMBED_ROOT_CLASS } from './embed-root.ts';
import { widgetEventSender, type ShareAnswers } from './events.ts';
import { describeOptionProblems, OPTION_NAMES, parseEmbedOptions, type EmbedOptions, type OptionName } from './options.ts';
import widgetCss from './widget.css?inline';
import { WidgetCheck } from './WidgetCheck.tsx';

export const ELEMENT_NAME = 'backcheck-widget';

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

  readonly #container: HTMLDivElement;
  #root: Root | null = null;
  #renderQueued = false;
  #unmountQueued = false;
  /** `option=value` pairs already reported, so each bad option is one console error, not one per render. */
  readonly #reported = new Set<string>();
  #sender: { shareAnswers: boolean; send: ReturnType<typeof widgetEventSender> } | null = null;
  #locale: Locale = 'en';

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
    for (const problem of problems) {
      const key = `${problem.option}=${this.getAttribute(problem.option) ?? ''}`;
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      console.error(describeOptionProblems(`<${ELEMENT_NAME}>`, [problem]));
    }
    return options;
  }

  #render(): void {
    const options = this.#options();
    this.#container.dataset.theme = options.theme;
    this.#locale = options.locale ?? this.#locale;
    if (!this.#sender || this.#sender.shareAnswers !== options.shareAnswers) {
      this.#sender = {
        shareAnswers: options.shareAnswers,
        send: widgetEventSender(options.shareAnswers, this.#loadShare, ({ type, detail }) => {
          this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
        }),
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
        <WidgetCheck {...props} />
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

/** Registers the element once, even if the script is included twice. */
export function defineBackcheckWidget(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, BackcheckWidget);
}

declare global {
  interface HTMLElementTagNameMap {
    'backcheck-widget': BackcheckWidget;
  }
}
