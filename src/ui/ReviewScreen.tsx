// "Check your answers": every answer in words, each with its own Change button.
import { useId } from 'react';
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import { plural } from '../i18n/index.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';

interface Props {
  answers: Answers;
  onChange: (questionId: string) => void;
  onConfirm: () => void;
}

export function ReviewScreen({ answers, onChange, onConfirm }: Props) {
  const { t, say, rules, locale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('review');
  const titleId = useId();
  const answered = rules.questions.filter((q) => answers[q.id] !== undefined);
  return (
    <section className="backcheck__review" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.reviewTitle}
      </h1>
      <p>
        {t.reviewLead} {plural(locale, answered.length, t.reviewAnswered)}
      </p>
      <dl className="backcheck__summary-list">
        {answered.map((q) => {
          const value = answers[q.id];
          if (value === undefined) return null;
          const question = say(q.text);
          return (
            <div className="backcheck__summary-row" key={q.id}>
              <dt>{question}</dt>
              <dd>{describeAnswer(rules, q.id, value, locale)}</dd>
              <dd className="backcheck__summary-action">
                {/* The name says which answer changes. An aria-label, not a visually hidden span: Chromium puts a
                    space before a positioned span's text, which made the name "Change : question". */}
                <button
                  type="button"
                  className="backcheck__link-button"
                  aria-label={`${t.change}: ${question}`}
                  onClick={() => onChange(q.id)}
                >
                  {t.change}
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="backcheck__actions" part="actions">
        <button type="button" className="backcheck__button" onClick={onConfirm}>
          {t.seeResult}
        </button>
      </div>
    </section>
  );
}
