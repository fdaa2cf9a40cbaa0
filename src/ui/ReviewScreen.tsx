// "Check your answers": the answers that count, grouped by section, one Change per screen. Questions are named by
// their short labels and a grouped check by what was found, so the page stays short.
import { useId } from 'react';
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import { walk, type Choices, type ScreenPlan } from '../engine/navigation.ts';
import { plural } from '../i18n/index.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';

interface Props {
  answers: Answers;
  choices: Choices;
  onChange: (screenId: string) => void;
  onConfirm: () => void;
}

export function ReviewScreen({ answers, choices, onChange, onConfirm }: Props) {
  const { t, say, rules, locale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('review');
  const titleId = useId();
  const { plan, kept } = walk(rules, answers);
  const answered = Object.keys(kept).length;
  const sections = rules.sections
    .map((section) => ({ section, screens: plan.filter((p) => p.screen.section === section.id) }))
    .filter((s) => s.screens.length > 0);

  /** Rows for one screen: a grouped check in one line, other questions one line each. */
  const rows = ({ screen, questions }: ScreenPlan): { label: string; answer: string }[] => {
    if (screen.kind === 'group') {
      const named = (value: string) => questions.filter((q) => kept[q.id] === value).map((q) => say(q.short ?? q.text));
      const yes = named('yes');
      const unsure = questions.filter((q) => kept[q.id] !== undefined && kept[q.id] !== 'yes' && kept[q.id] !== 'no').map((q) => say(q.short ?? q.text));
      const parts = [yes.length ? t.reviewYesTo(yes.join('; ')) : '', unsure.length ? t.reviewNotSureAbout(unsure.join('; ')) : ''].filter(Boolean);
      const label = screen.title ? say(screen.title) : t.anyOfThese;
      return [{ label, answer: parts.length > 0 ? parts.join('. ') : choices[screen.id] === undefined ? '' : t.reviewNoneOfThese }];
    }
    return questions.flatMap((q) => {
      const value = kept[q.id];
      return value === undefined ? [] : [{ label: say(q.short ?? q.text), answer: describeAnswer(rules, q.id, value, locale) }];
    });
  };

  return (
    <section className="backcheck__review" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.reviewTitle}
      </h1>
      <p>
        {t.reviewLead} {plural(locale, answered, t.reviewAnswered)}
      </p>
      {sections.map(({ section, screens }) => (
        <section className="backcheck__review-section" key={section.id} aria-labelledby={`${titleId}-${section.id}`}>
          <h2 id={`${titleId}-${section.id}`} className="backcheck__review-section-title">
            {say(section.title)}
          </h2>
          {screens.map((p) => {
            // Named by what is on it: two grouped checks may share a title, never their lists.
            const screenName =
              p.screen.kind === 'group' || !p.screen.title
                ? p.questions.map((q) => say(q.short ?? q.text)).join(', ')
                : say(p.screen.title);
            return (
              <div className="backcheck__summary-screen" key={p.screen.id}>
                <dl className="backcheck__summary-list">
                  {rows(p).map((row) => (
                    <div className="backcheck__summary-row" key={row.label}>
                      <dt>{row.label}</dt>
                      <dd>{row.answer}</dd>
                    </div>
                  ))}
                </dl>
                {/* The name says which answers change. An aria-label, not a visually hidden span: Chromium puts a
                    space before a positioned span's text, which made the name "Change : question". */}
                <button
                  type="button"
                  className="backcheck__link-button backcheck__summary-change"
                  aria-label={`${t.change}: ${screenName}`}
                  onClick={() => onChange(p.screen.id)}
                >
                  {t.change}
                </button>
              </div>
            );
          })}
        </section>
      ))}
      <div className="backcheck__actions" part="actions">
        <button type="button" className="backcheck__button" onClick={onConfirm}>
          {t.seeResult}
        </button>
      </div>
    </section>
  );
}
