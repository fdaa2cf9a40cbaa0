// Events CheckApp reports to whoever hosts it (the standalone page, a clinic's embed). A host learns where the
// person is and the outcome; `complete` and `followup-complete` carry the answers only when the host set
// `shareAnswers` (the embed does when the clinic opted in with `share-answers`, src/embed/events.ts).
import type { Answers } from '../engine/answers.ts';
import type { FollowUpOutcomeKind, Likelihood, Urgency } from '../rules/schema.ts';

export type CheckEvent =
  | { type: 'start' }
  /** A new step is on screen: its section, its screen (a step key), and how many steps the person has seen. */
  | { type: 'step'; section: string; screen: string; stepNumber: number }
  | {
      type: 'complete';
      urgency: Urgency;
      causes: { id: string; likelihood: Likelihood }[];
      redFlags: string[];
      rulesId: string;
      rulesVersion: string;
      /** A clinician's sign-off matches these rules (checked at build: the browser only gets a sign-off that does). */
      rulesSignedOff: boolean;
      /** The answers behind this result: only with CheckApp's `shareAnswers`. */
      answers?: Answers;
      /** With the answers: their response's random id, kept with a follow-up accepted on this result. */
      responseId?: string;
    }
  // The person pressed one of the clinic's buttons on the result screen.
  | { type: 'book'; via: 'booking' | 'contact' | 'phone' }
  /** A result offers "Check again in N days" (issue #18). */
  | { type: 'followup-offered'; urgency: Urgency; afterDays: number }
  /** The person accepted: the follow-up is kept on their device, never sent anywhere. */
  | { type: 'followup-accepted'; urgency: Urgency; afterDays: number }
  /** A follow-up check's result is shown: the comparison's outcome ('warning-sign' when one decided). */
  | {
      type: 'followup-complete';
      urgency: Urgency;
      outcome: FollowUpOutcomeKind | 'warning-sign';
      daysSince: number;
      rulesId: string;
      rulesVersion: string;
      /** The follow-up's own answers: only with CheckApp's `shareAnswers`, like `complete`'s. */
      answers?: Answers;
      /** With the answers: this follow-up's response id. */
      responseId?: string;
      /** With the answers: the earlier check's response id, when it was kept with the follow-up. */
      followUpOf?: string;
    };

export interface ClinicInfo {
  name?: string;
  contactUrl?: string;
  phone?: string;
  bookingUrl?: string;
  /** The emergency number where the clinic is (digits only, e.g. "000"): a call link on emergency results. */
  emergencyNumber?: string;
}
