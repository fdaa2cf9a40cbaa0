// dist/embed/backcheck.js: the script a clinic adds with <script type="module">. Defines <backcheck-widget>.
import { pickLocale } from '../i18n/index.ts';
import { defineBackcheckWidget, ELEMENT_NAME } from './element.tsx';
import { preloadWidgetCheck } from './WidgetCheck.tsx';

// Load the rest of the check with the page, not when the person starts: the widget makes no request once loaded.
// The words come in the language of the page's first widget (a module script runs once the page is parsed), else the
// browser's. A second copy of this script on the page defines nothing and loads nothing.
if (defineBackcheckWidget(import.meta.url)) {
  const wanted = document.querySelector(ELEMENT_NAME)?.getAttribute('locale') ?? '';
  preloadWidgetCheck(/^(en|es)\b/i.test(wanted) ? pickLocale([wanted]) : undefined);
}
