// The UI's own words around the questions, counted as the screens show them, for the burden model fed every visible
// word (src/engine/burden.ts): what a step shows besides the rules' texts, the intro, "Check your answers" and the
// result's top card. The build's intro estimate, the bench and the tests all count through here, so the estimate
// follows the screens. Pure (no React): the rules plugin runs it at build time.
import type { PageWords, Path } from '../engine/burden.ts';
import { countWords } from '../engine/burden.ts';
import { evaluate } from '../engine/evaluate.ts';
import { countedAnswers, type Step } from '../engine/navigation.ts';
import { catalogues, plural } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { emergencyNumberFor, type EmergencyNumber } from './emergency-number.ts';
import { reviewContent, reviewWords } from './review-content.ts';
import { topCardOf, topCardWords } from './top-card.ts';

/**
 * Page words in one language. The emergency number is the rules' default unless given: its "could not tell your
 * country" line is the longest the top card can show.
 */
export function pageWords(rules: Rules, locale: Locale, emergency?: EmergencyNumber): PageWords {
  const t = catalogues[locale];
  const number = emergency ?? emergencyNumberFor(rules.results.emergencyNumbers, { region: null });
  const words = (...texts: string[]) => texts.reduce((sum, text) => sum + countWords(text), 0);
  // What StepScreen shows beside the rules' words: the grouped check's "not sure" hint, "Tick all that apply",
  // the "What we mean" and "Why we ask" toggles (their contents stay closed), the "or" before "I'm not sure".
  const stepExtra = (step: Step, sectionIntroShown: boolean): number => {
    if (step.kind === 'screen' && step.screen.kind === 'group') return sectionIntroShown ? 0 : words(t.groupNotSureHint);
    if (step.kind === 'which') return words(t.tickAll);
    return step.questions.reduce((sum, q) => {
      const options = q.type === 'scale' ? [] : q.options;
      const apart = options.some((o) => o.kind !== 'answer') && options.some((o) => o.kind === 'answer');
      return sum + (q.type === 'multi' ? words(t.tickAll) : 0) + (q.hint ? words(t.whatWeMean) : 0) + (q.why ? words(t.whyWeAsk) : 0) + (apart ? words(t.or) : 0);
    }, 0);
  };
  const intro = words(
    localize(rules.meta.title, locale),
    t.introLead,
    t.introTime('2', '3'),
    t.introFirst,
    t.introPrivacy,
    t.introNotDiagnosis,
    t.introEmergency(number.number),
    t.start,
  );
  const review = (path: Path): number => {
    const content = reviewContent(rules, path.answers, path.choices, t, locale);
    return reviewWords(content, t, `${t.reviewLead} ${plural(locale, content.pages, t.reviewAnswered)}`);
  };
  const topCard = (path: Path): number => {
    const result = evaluate(rules, countedAnswers(rules, path.answers), locale, { emergencyNumber: number.number });
    return topCardWords(topCardOf(result, t, number, locale), t);
  };
  return { which: t.whichTitle, stepExtra, intro, review, topCard };
}

/** Page words in every language, for the intro's estimate. */
export function pageWordsByLocale(rules: Rules): Record<Locale, PageWords> {
  return { en: pageWords(rules, 'en'), es: pageWords(rules, 'es') };
}
