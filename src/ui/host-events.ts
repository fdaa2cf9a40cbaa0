// Events CheckApp reports to whoever hosts it (the standalone page, a clinic's embed). They never carry answers:
// a host learns where the person is and the outcome, not what they said.
import type { Likelihood, Urgency } from '../rules/schema.ts';

export type CheckEvent =
  | { type: 'start' }
  | { type: 'step'; section: string; questionNumber: number }
  | {
      type: 'complete';
      urgency: Urgency;
      causes: { id: string; likelihood: Likelihood }[];
      redFlags: string[];
      rulesId: string;
      rulesVersion: string;
    }
  // The person pressed one of the clinic's buttons on the result screen.
  | { type: 'book'; via: 'booking' | 'contact' | 'phone' };

export interface ClinicInfo {
  name?: string;
  contactUrl?: string;
  phone?: string;
  bookingUrl?: string;
}
