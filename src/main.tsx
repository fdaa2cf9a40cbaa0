// The standalone page: the check with the real rules, or the clinicians' review page on /review.
// Plugin-react's dev preamble normally arrives as an inline script, which this page's CSP blocks; importing it as a
// module does the same job (it is empty in production builds).
import '@vitejs/plugin-react/preamble';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import rules, { rulesHash } from '../rules/lower-back-after-workout.yaml?rules';
import { browserLocale } from './i18n/index.ts';
import type { Locale } from './rules/text.ts';
import { localize } from './rules/text.ts';
import { CheckApp } from './ui/CheckApp.tsx';

// Loaded only on the review route, so gym-goers never download it.
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx'));

function isReviewRoute(location: Location): boolean {
  return /\/review\/?$/.test(location.pathname) || location.hash === '#/review';
}

function setPageLanguage(locale: Locale) {
  document.documentElement.lang = locale;
  document.title = localize(rules.meta.title, locale);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const locale = browserLocale();
setPageLanguage(locale);

createRoot(root).render(
  <StrictMode>
    {isReviewRoute(window.location) ? (
      <Suspense fallback={<p>Loading…</p>}>
        <ReviewPage rules={rules} />
      </Suspense>
    ) : (
      <CheckApp rules={rules} rulesHash={rulesHash} onLocaleChange={setPageLanguage} />
    )}
  </StrictMode>,
);
