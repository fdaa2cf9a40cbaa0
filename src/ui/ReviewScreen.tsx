// "Check your answers": the answers that count, grouped by section, one Change per screen. Questions are named by
// their short labels; a grouped check lists its items as the person saw them, with what they answered.
import { useId } from 'react';
import type { Answers } from '../engine/answers.ts';
import type { Choices } from '../engine/navigation.ts';
import { plural } from '../i18n/index.ts';
import { reviewContent } from './review-content.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';

interface Props {
  answers: Answers;
  choices: Choices;
  onChange: (screenId: string) => void;
  onConfirm: () => void;
}

export function ReviewScreen({ answers, choices, onChange, onConfirm }: Props) {
  const { t, rules, locale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('review');
  const titleId = useId();
  const content = reviewContent(rules, answers, choices, t, locale);

  return (
    <section className="backcheck__review" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.reviewTitle}
      </h1>
      <p>
        {t.reviewLead} {plural(locale, content.pages, t.reviewAnswered)}
      </p>
      {content.sections.map((section) => (
        <section className="backcheck__review-section" key={section.id} aria-labelledby={`${titleId}-${section.id}`}>
          <h2 id={`${titleId}-${section.id}`} className="backcheck__review-section-title">
            {section.title}
          </h2>
          {section.screens.map((block) => (
            <div className="backcheck__summary-screen" key={block.id}>
              <dl className="backcheck__summary-list">
                {block.rows.map((row) => (
                  <div className="backcheck__summary-row" key={row.label}>
                    <dt>{row.label}</dt>
                    <dd>
                      {row.answer}
                      {row.items.length > 0 && (
                        <>
                          {row.itemsLabel && <span className="backcheck__review-no">{row.itemsLabel}</span>}
                          <ul className="backcheck__review-items">
                            {row.items.map((item) => (
                              <li key={item}>{item}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
              {/* The name says which answers change. An aria-label, not a visually hidden span: Chromium puts a
                  space before a positioned span's text, which made the name "Change : question". */}
              <button
                type="button"
                className="backcheck__link-button backcheck__summary-change"
                aria-label={`${t.change}: ${block.name}`}
                onClick={() => onChange(block.id)}
              >
                {t.change}
              </button>
            </div>
          ))}
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
