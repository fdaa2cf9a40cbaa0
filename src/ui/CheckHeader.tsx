// The strip above every screen: the service's name and the language switch. On the intro the name is the page's
// heading already, so the strip holds the language switch alone (one title, and Start higher on a small phone).
import type { Locale } from '../rules/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function CheckHeader({ title, locale, onLocale }: { title: string | null; locale: Locale; onLocale: (l: Locale) => void }) {
  return (
    <div className={title ? 'backcheck__header' : 'backcheck__header backcheck__header--bare'} part="header">
      {title && <p className="backcheck__service">{title}</p>}
      <LanguageSwitch locale={locale} onChange={onLocale} />
    </div>
  );
}
