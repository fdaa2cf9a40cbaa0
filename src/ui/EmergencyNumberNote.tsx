// Which emergency number the check names and the country it is for, with a way to change it: the number is never
// guessed silently. Changing the country changes every text that names the number, the call button's too.
import { useId, useState } from 'react';
import { regionChoices } from './emergency-number.ts';
import { emergencyWhere } from './top-card.ts';
import { useUi } from './ui-context.ts';

/** `text`: the line as the top card words it; null works it out here. Nothing for a clinic's own number. */
export function EmergencyNumberNote({ text }: { text: string | null }) {
  const { t, locale, rules, emergency, chooseRegion } = useUi();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const where = text ?? emergencyWhere(emergency, t, locale);
  if (!where) return null;
  const table = rules.results.emergencyNumbers;
  const fallback = table?.default ?? emergency.number;
  return (
    <div className="backcheck__region">
      <p className="backcheck__region-line">
        {where}{' '}
        {/* Named "Change country": the visible word starts the name (WCAG 2.5.3), and says what changes. */}
        <button
          type="button"
          className="backcheck__link-button"
          aria-label={t.changeRegionName}
          aria-expanded={open}
          aria-controls={`${uid}-choose`}
          onClick={() => setOpen(!open)}
        >
          {t.changeRegion}
        </button>
      </p>
      <div id={`${uid}-choose`} hidden={!open}>
        <label className="backcheck__region-label" htmlFor={`${uid}-select`}>
          {t.regionLabel}
        </label>
        <select
          id={`${uid}-select`}
          className="backcheck__select"
          value={emergency.region ?? ''}
          onChange={(e) => chooseRegion(e.currentTarget.value || null)}
        >
          {regionChoices(table, locale).map((r) => (
            <option key={r.region} value={r.region}>
              {r.name} ({r.number})
            </option>
          ))}
          <option value="">{t.regionOther(fallback)}</option>
        </select>
      </div>
    </div>
  );
}
