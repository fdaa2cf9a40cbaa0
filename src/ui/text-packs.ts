// Where the words of the check's rules come from, one language at a time (src/rules/language-packs.ts). A few bytes
// in the first chunk, so the person's language starts downloading alongside the rest of the check, not after it.
import type { Locale } from '../rules/text.ts';

const packs = new Map<Locale, Promise<readonly string[]>>();

export function textPack(locale: Locale): Promise<readonly string[]> {
  let pack = packs.get(locale);
  if (!pack) {
    pack = (
      locale === 'es' ? import('../../rules/lower-back-after-workout.yaml?rules-text-es') : import('../../rules/lower-back-after-workout.yaml?rules-text-en')
    ).then((m) => m.default);
    // A failed download may be tried again (the next switch, the next check).
    pack.catch(() => packs.delete(locale));
    packs.set(locale, pack);
  }
  return pack;
}
