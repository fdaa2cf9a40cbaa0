// The standalone page: the check with the real rules, or the clinicians' review page on /review.
import { lazy, StrictMode, Suspense, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import meta from '../rules/lower-back-after-workout.yaml?rules-meta';
import { browserLocale } from './i18n/index.ts';
import type { Locale } from './rules/text.ts';
import { localize } from './rules/text.ts';
import { LazyCheck, preloadCheck } from './ui/LazyCheck.tsx';

// Loaded only on the review route, so gym-goers never download it (nor the clinicians' notes in the rules).
const ReviewRoute = lazy(() => import('./review/ReviewRoute.tsx'));

function isReviewRoute(): boolean {
  return /\/review\/?$/.test(window.location.pathname) || window.location.hash === '#/review';
}

// Following the hash too, so a link to #/review from the page itself switches without a reload.
function subscribeToRoute(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

function Page() {
  const review = useSyncExternalStore(subscribeToRoute, isReviewRoute);
  return review ? (
    <Suspense fallback={<p>Loading…</p>}>
      <ReviewRoute />
    </Suspense>
  ) : (
    // The review page brings its own <main>; the check, built to be embedded, leaves landmarks to its page.
    <main>
      <LazyCheck onLocaleChange={setPageLanguage} browserHistory />
    </main>
  );
}

function setPageLanguage(locale: Locale) {
  document.documentElement.lang = locale;
  document.title = localize(meta.title, locale);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const locale = browserLocale();
setPageLanguage(locale);
// The questionnaire's code starts downloading now, in parallel with React's first render of the intro.
if (!isReviewRoute()) void preloadCheck(locale);

// Offline after the first visit (sw.js, src/build/service-worker.ts): registered once the page has loaded, so its
// downloads never compete with the check's. Production builds only: the dev server has no sw.js. A browser that
// refuses it (private mode, no storage) still runs the check online, so a failure is not the person's concern.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined));
}

createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
