// Words a person can take in at a glance, in every language the file declares: a question of about 20 words at
// most (its options and list are read too), options of a few words, grouped-check items of up to about 8 (an item
// is all a person reads before answering No, so it must also say what the sign is not: "not just sore"), hints
// short (they are shown collapsed, for those who want them), and each result's top card (title, what to do now,
// when to see someone, when to call instead) short enough to read in ten seconds. Longer text gets a warning at its
// own line, so a clinician can see what to shorten; the response-time model behind the intro's estimate counts these
// same words.
import { countWords } from '../engine/burden.ts';
import type { Rules, Text } from '../rules/schema.ts';
import type { Finding } from './finding.ts';

/** `topCard`: the rules' words of one urgency's top card; with the banner's label the card's budget is 60 words. */
export const READABILITY_LIMITS = { question: 20, option: 6, short: 8, hint: 30, screenTitle: 10, exclude: 20, check: 25, topCard: 55, followUp: 40 } as const;

export function readabilityFindings(rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const check = (text: Text | undefined, path: (string | number)[], limit: number, what: string) => {
    if (!text) return;
    for (const locale of rules.meta.locales) {
      const words = text[locale];
      if (words === undefined) continue;
      const count = countWords(words);
      if (count > limit) {
        findings.push({
          severity: 'warning',
          check: 'readability',
          path: [...path, locale],
          message: `${what} has ${count} words in "${locale}"; keep it to about ${limit} so it is taken in at a glance`,
        });
      }
    }
  };
  rules.questions.forEach((q, qi) => {
    const at = ['questions', qi];
    check(q.text, [...at, 'text'], READABILITY_LIMITS.question, `question "${q.id}"`);
    check(q.short, [...at, 'short'], READABILITY_LIMITS.short, `the short label of "${q.id}"`);
    check(q.hint, [...at, 'hint'], READABILITY_LIMITS.hint, `the hint of "${q.id}"`);
    check(q.exclude, [...at, 'exclude'], READABILITY_LIMITS.exclude, `what does not count for "${q.id}"`);
    check(q.check, [...at, 'check'], READABILITY_LIMITS.check, `the self-check of "${q.id}"`);
    if (q.type !== 'scale') {
      q.options.forEach((o, oi) => {
        check(o.label, [...at, 'options', oi, 'label'], READABILITY_LIMITS.option, `option "${o.id}" of "${q.id}"`);
        check(o.exclude, [...at, 'options', oi, 'exclude'], READABILITY_LIMITS.exclude, `what option "${o.id}" of "${q.id}" does not mean`);
      });
    }
  });
  rules.screens?.forEach((s, si) => check(s.title, ['screens', si, 'title'], READABILITY_LIMITS.screenTitle, `the title of screen "${s.id}"`));
  // The follow-up's comparison and its step are its top card: each read at a glance.
  rules.followUp?.outcomes.forEach((o, i) => check(o.text, ['followUp', 'outcomes', i, 'text'], READABILITY_LIMITS.followUp, `follow-up outcome "${o.id}"`));
  rules.followUp?.steps.forEach((o, i) => check(o.text, ['followUp', 'steps', i, 'text'], READABILITY_LIMITS.followUp, `follow-up step "${o.id}"`));
  const topCard = (card: Partial<Record<'title' | 'action' | 'consult' | 'callIf', Text>>, at: (string | number)[], name: string) => {
    for (const locale of rules.meta.locales) {
      const words = [card.title, card.action, card.consult, card.callIf].reduce((sum, t) => sum + (t?.[locale] ? countWords(t[locale]) : 0), 0);
      if (words > READABILITY_LIMITS.topCard) {
        findings.push({
          severity: 'warning',
          check: 'readability',
          path: [...at, locale],
          message: `${name} (title, action, consult, callIf) has ${words} words in "${locale}"; keep it to about ${READABILITY_LIMITS.topCard}, so it is read in ten seconds`,
        });
      }
    }
  };
  for (const [level, card] of Object.entries(rules.results.urgency)) topCard(card, ['results', 'urgency', level, 'action'], `the ${level} result's top card`);
  // A consult sign with words of its own puts them on the card in place of the consultation's.
  const consultCard = rules.results.urgency.consult;
  rules.consultSigns.forEach((sign, i) => {
    if (!sign.action && !sign.consult) return;
    topCard(
      { title: consultCard.title, action: sign.action ?? consultCard.action, consult: sign.consult ?? consultCard.consult, callIf: consultCard.callIf },
      ['consultSigns', i, sign.action ? 'action' : 'consult'],
      `the top card of a consultation that "${sign.id}" sets`,
    );
  });
  return findings;
}
