// The result's top card, read in ten seconds: the urgency and its headline, what to do now (with a call button on
// an emergency), whether and when to see someone, and when to call the emergency number instead. Pure, so the result
// screen shows it and the burden figures count its words (bench: result.topCardWords, at most 60).
import { countWords } from '../engine/burden.ts';
import type { Result } from '../engine/evaluate.ts';
import type { Messages } from '../i18n/index.ts';
import type { Locale } from '../rules/text.ts';
import { regionName, type EmergencyNumber } from './emergency-number.ts';

export interface TopCard {
  /** "Result: Self-care" */
  label: string;
  title: string;
  action: string;
  /** The call button's words, on an emergency. */
  call: string | null;
  /** Which region the number is for, with its "Change" (on an emergency; below the card otherwise). */
  where: string | null;
  consult: string;
  callIf: string | null;
}

/** Which region the emergency number is for, in words; null for the clinic's own number. */
export function emergencyWhere(emergency: EmergencyNumber, t: Messages, locale: Locale): string | null {
  if (emergency.from === 'clinic') return null;
  return emergency.region ? t.emergencyNumberFor(regionName(emergency.region, locale), emergency.number) : t.emergencyNumberUnknown(emergency.number);
}

export function topCardOf(result: Result, t: Messages, emergency: EmergencyNumber, locale: Locale): TopCard {
  const emergencyResult = result.urgency === 'emergency';
  return {
    label: `${t.urgencyPrefix} ${t.urgencyLabel[result.urgency]}`,
    title: result.title,
    action: result.action,
    call: emergencyResult ? t.callEmergency(result.emergencyNumber) : null,
    where: emergencyResult ? emergencyWhere(emergency, t, locale) : null,
    consult: result.consult,
    callIf: result.callIf,
  };
}

/** Every word in the card, its "Change" button included. */
export function topCardWords(card: TopCard, t: Messages): number {
  const texts = [card.label, card.title, card.action, card.call, card.where, card.where ? t.changeRegion : null, card.consult, card.callIf];
  return texts.reduce((sum, text) => sum + (text ? countWords(text) : 0), 0);
}
