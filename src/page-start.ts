// The standalone page's first statements, imported by main.tsx before React: the check's chunks start downloading
// before React's renderer runs its module code (a tenth of a second of a throttled phone's main thread), so the
// network goes straight on from the page's own files to the check's instead of waiting for that.
import { browserLocale } from './i18n/index.ts';
import { preloadCheck } from './ui/LazyCheck.tsx';

export function isReviewRoute(): boolean {
  return /\/review\/?$/.test(window.location.pathname) || window.location.hash === '#/review';
}

/** The language the page opens in: the browser's. */
export const locale = browserLocale();

/** Settles when the check's code and its words in `locale` have arrived (at once on the review route, which loads neither). */
export const checkLoaded: Promise<unknown> = isReviewRoute() ? Promise.resolve() : preloadCheck(locale).catch(() => undefined);
