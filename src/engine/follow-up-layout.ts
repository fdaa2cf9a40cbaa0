// The follow-up's layout of the rules (issue #18): the same rules, on the follow-up's screens only. A module of its
// own, apart from the comparison (follow-up.ts), so that what needs only the layout (the FHIR response of a
// follow-up's shared answers) does not bring the evaluation with it.
import type { Rules } from '../rules/schema.ts';

const followUpRules = new WeakMap<Rules, Rules>();
/** The follow-up layouts made here: asked for the follow-up's rules again, the same object comes back. */
const followUpLayouts = new WeakSet<Rules>();

/**
 * The rules the follow-up asks: the same rules (every question, red flag and sign), laid out on the follow-up's
 * screens only. Questions on no screen are never asked, so they stay unanswered; the relevance solver treats those
 * after a screen as still open, which can only make it ask more. Built once per rules object, like the layout.
 */
export function followUpRulesOf(rules: Rules): Rules {
  const known = followUpRules.get(rules);
  if (known) return known;
  if (followUpLayouts.has(rules)) return rules;
  const followUp = rules.followUp;
  if (!followUp) throw new Error(`rules "${rules.meta.id}" have no followUp block`);
  const listed = new Set(followUp.screens);
  const screens = [...(rules.screens ?? []).filter((s) => listed.has(s.id)), followUp.ask];
  const derived = Object.freeze({ ...rules, screens });
  followUpRules.set(rules, derived);
  followUpLayouts.add(derived);
  return derived;
}
