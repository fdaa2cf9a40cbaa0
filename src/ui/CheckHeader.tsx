// The strip above every screen: the service's name and the language switch.
import type { Locale } from '../rules/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function CheckHeader({ title, locale, onLocale }: { title: string; locale: Locale; onLocale: (l: Locale) => void }) {
  return (
    <div className="backcheck__header" part="header">
      <p className="backcheck__service">{title}</p>
      <LanguageSwitch locale={locale} onChange={onLocale} />
    </div>
  );
}
