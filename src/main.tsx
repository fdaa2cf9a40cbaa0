// The standalone page: the check with the real rules, or the clinicians' review page on /review.
// First, so that its module code runs before React's (see page-start.ts).
import { checkLoaded, isReviewRoute, locale } from './page-start.ts';
import { lazy, StrictMode, Suspense, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import meta from '../rules/lower-back-after-workout.yaml?rules-meta';
import type { Locale } from './rules/text.ts';
import { localize } from './rules/text.ts';
import { LazyCheck } from './ui/LazyCheck.tsx';

// Loaded only on the review route, so gym-goers never download it (nor the clinicians' notes in the rules).
const ReviewRoute = lazy(() => import('./review/ReviewRoute.tsx'));

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

setPageLanguage(locale);
// Offline after the first visit (sw.js, src/build/service-worker.ts): registered once the page has loaded and the
// check's own chunks have arrived, so its downloads never compete with the check's (the load event alone comes
// before them: they are imported, not linked). Its install then finds those chunks in the HTTP cache. Production
// builds only: the dev server has no sw.js. A browser that refuses it (private mode, no storage) still runs the
// check online, so a failure is not the person's concern.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const pageLoaded = new Promise((loaded) => addEventListener('load', loaded, { once: true }));
  void Promise.all([pageLoaded, checkLoaded]).then(() => navigator.serviceWorker.register('./sw.js').catch(() => undefined));
}

createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
