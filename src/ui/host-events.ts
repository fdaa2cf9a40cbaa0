// Events CheckApp reports to whoever hosts it (the standalone page, a clinic's embed). A host learns where the
// person is and the outcome; `complete` carries the answers only when the host set `shareAnswers` (the embed does
// when the clinic opted in with `share-answers`, src/embed/events.ts).
import type { Answers } from '../engine/answers.ts';
import type { Likelihood, Urgency } from '../rules/schema.ts';

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
    }
  // The person pressed one of the clinic's buttons on the result screen.
  | { type: 'book'; via: 'booking' | 'contact' | 'phone' };

export interface ClinicInfo {
  name?: string;
  contactUrl?: string;
  phone?: string;
  bookingUrl?: string;
  /** The emergency number where the clinic is (digits only, e.g. "000"): a call link on emergency results. */
  emergencyNumber?: string;
}
