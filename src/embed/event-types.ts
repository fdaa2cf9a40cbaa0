// The events a clinic's page receives, as the npm package exports them for TypeScript: fired on <backcheck-widget>
// or, by backcheck-host.js, on the <iframe>; bubbling and composed, so a listener on `document` hears them.
// Self-contained on purpose (no import from the app, only FHIR's published types), so that the package's .d.ts
// needs nothing else; tests/embed/event-types.test.ts proves these are exactly the types the widget sends.
import type { QuestionnaireResponse } from 'fhir/r4';

export type Urgency = 'emergency' | 'urgent' | 'consult' | 'self-care';
/** The language the check is shown in. */
export type Locale = 'en' | 'es';
export type Likelihood = 'likely' | 'possible' | 'unlikely';
/** An answer: option id, option ids (tick lists), or a number (the 0-10 scale). */
export type AnswerValue = string | string[] | number;

/** On every event: which check it belongs to, and the language the person sees it in. */
export interface CheckContext {
  /**
   * A new random id each time a person starts a check ("Start again" starts another): tells one person's events from
   * another's on a page with several checks or visits, and says nothing about the person.
   */
  checkId: string;
  locale: Locale;
}

/** `backcheck:start`: the person pressed Start. */
export type StartDetail = CheckContext;

/** `backcheck:step`: a new screen is shown (a grouped check's "Which of these?" is a screen of its own). Never an answer. */
export interface StepDetail extends CheckContext {
  /** The section id from the rules, e.g. "red_flags". */
  section: string;
  /** The screen: its id from the rules' `screens`, or `<id>/which`, or `<id>/unsure` for the grouped check's list asked again after "I'm not sure". */
  screen: string;
  /** The screen's place in this person's path (1 for the first). */
  stepNumber: number;
}

/** `backcheck:complete`: the result is shown. */
export interface CompleteDetail extends CheckContext {
  urgency: Urgency;
  /** Most likely first; ids from the rules (e.g. "posture"). */
  causes: { id: string; likelihood: Likelihood }[];
  /** Ids of the warning-sign rules that fired; empty if none. */
  redFlags: string[];
  rulesId: string;
  rulesVersion: string;
  /** Whether a clinician's sign-off matches these exact rules (its content hash). */
  rulesSignedOff: boolean;
  /** Only with `share-answers`: question id -> answer. */
  answers?: Readonly<Record<string, AnswerValue>>;
  /**
   * Only with `share-answers`: the answers as a FHIR R4 QuestionnaireResponse, with a random `identifier`
   * (`urn:backcheck:questionnaire-response`) that a later follow-up's response refers to.
   */
  questionnaireResponse?: QuestionnaireResponse;
}

/** `backcheck:book`: the person pressed one of the clinic's buttons on the result. */
export interface BookDetail extends CheckContext {
  via: 'booking' | 'contact' | 'phone';
  /** The urgency of the result the button was on (booking is never the main action on emergency and urgent ones). */
  urgency: Urgency;
}

/** `backcheck:followup-offered`: a self-care or consult result offers "Check again in N days". */
export interface FollowUpOfferedDetail extends CheckContext {
  /** The urgency of the result that offers it. */
  urgency: Urgency;
  /** N: the days until the follow-up, from the rules. */
  afterDays: number;
}

/** `backcheck:followup-accepted`: the person accepted; the follow-up is kept on their device only. */
export type FollowUpAcceptedDetail = FollowUpOfferedDetail;

/** What the follow-up's comparison of then and now says, by the rules; `warning-sign` when a warning sign decided. */
export type FollowUpOutcome = 'better' | 'same' | 'worse' | 'warning-sign';

/** `backcheck:followup-complete`: a follow-up check's result is shown. Answers only with `share-answers`. */
export interface FollowUpCompleteDetail extends CheckContext {
  /** The urgency the follow-up's result gives. */
  urgency: Urgency;
  outcome: FollowUpOutcome;
  /** Whole days since the earlier check. */
  daysSince: number;
  rulesId: string;
  rulesVersion: string;
  /** Only with `share-answers`: the follow-up's own answers, question id -> answer. */
  answers?: Readonly<Record<string, AnswerValue>>;
  /**
   * Only with `share-answers`: those answers as a FHIR R4 QuestionnaireResponse to the follow-up's Questionnaire
   * (`urn:backcheck:questionnaire:<rules id>:follow-up`), with its own random `identifier` and, when the earlier
   * check's answers were shared too, the extension `urn:backcheck:fhir:extension:follow-up-of` naming that response.
   */
  questionnaireResponse?: QuestionnaireResponse;
}

export interface BackcheckEventDetails {
  'backcheck:start': StartDetail;
  'backcheck:step': StepDetail;
  'backcheck:complete': CompleteDetail;
  'backcheck:book': BookDetail;
  'backcheck:followup-offered': FollowUpOfferedDetail;
  'backcheck:followup-accepted': FollowUpAcceptedDetail;
  'backcheck:followup-complete': FollowUpCompleteDetail;
}
export type BackcheckEventName = keyof BackcheckEventDetails;
export type BackcheckEventMap = { [K in BackcheckEventName]: CustomEvent<BackcheckEventDetails[K]> };

declare global {
  // `element.addEventListener('backcheck:complete', (e) => e.detail.urgency)` is typed, on elements and the document.
  interface HTMLElementEventMap extends BackcheckEventMap {}
  interface DocumentEventMap extends BackcheckEventMap {}
}
