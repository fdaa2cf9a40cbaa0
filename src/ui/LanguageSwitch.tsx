// A visible language switch; each name is written in its own language so people can find theirs.
import { catalogues } from '../i18n/index.ts';
import { LOCALES, type Locale } from '../rules/text.ts';
import { useUi } from './ui-context.ts';

export function LanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useUi();
  return (
    <div className="backcheck__language" role="group" aria-label={t.languageSwitchLabel}>
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
