// A distinct shape per urgency, so the banner never relies on colour alone (the words say it too).
import type { Urgency } from '../rules/schema.ts';

const PATHS: Record<Urgency, string> = {
  // Triangle with an exclamation mark.
  emergency: 'M12 2 1 21h22L12 2Zm-1 7h2v6h-2V9Zm0 8h2v2h-2v-2Z',
  // Clock.
  urgent:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm-1 3v6l5 3 1-1.7-4-2.3V7h-2Z',
  // Calendar.
  consult: 'M7 2v2H4v18h16V4h-3V2h-2v2H9V2H7Zm-1 8h12v10H6V10Zm2 2v2h2v-2H8Zm4 0v2h2v-2h-2Z',
  // Tick in a circle.
  'self-care': 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z',
};

export function UrgencyIcon({ urgency }: { urgency: Urgency }) {
  return (
    <svg className="backcheck__banner-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path d={PATHS[urgency]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
