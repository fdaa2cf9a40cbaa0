// The strip above every screen: the service's name, Back, and the language switch. On the intro the name is the
// page's heading already, so the strip holds the language switch alone (one title, and Start higher on a small
// phone). On a phone Back shares the language switch's row and the name is left out, so a grouped check's answers
// stay above the Continue bar at 320x568.
import type { ReactNode } from 'react';
import type { Locale } from '../rules/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Props {
  title: string | null;
  /** The Back button's place: undefined for none (the intro), null for an empty place of the same height. */
  back?: ReactNode;
  locale: Locale;
  onLocale: (l: Locale) => void;
}

export function CheckHeader({ title, back, locale, onLocale }: Props) {
  return (
    <div className={title ? 'backcheck__header' : 'backcheck__header backcheck__header--bare'} part="header">
      {title && <p className="backcheck__service">{title}</p>}
      {back !== undefined && <div className="backcheck__nav">{back}</div>}
      <LanguageSwitch locale={locale} onChange={onLocale} />
    </div>
  );
}
