// dist/embed/backcheck.js: the script a clinic adds with <script type="module">. Defines <backcheck-widget>.
import { defineBackcheckWidget } from './element.tsx';
import { preloadWidgetCheck } from './WidgetCheck.tsx';

// Load the rest of the check with the page, not when the person starts: the widget makes no request once loaded.
// A second copy of this script on the page defines nothing and loads nothing.
if (defineBackcheckWidget(import.meta.url)) preloadWidgetCheck();
