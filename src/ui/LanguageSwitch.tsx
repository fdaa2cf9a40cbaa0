// A visible language switch; each name is written in its own language so people can find theirs.
import { catalogues } from '../i18n/index.ts';
import { LOCALES, type Locale } from '../rules/text.ts';

export function LanguageSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  return (
    <div className="backcheck__language" role="group" aria-label={catalogues[locale].languageSwitchLabel}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="backcheck__language-button"
          aria-pressed={l === locale}
          onClick={() => onChange(l)}
        >
          {catalogues[l].languageName}
        </button>
      ))}
    </div>
  );
}
