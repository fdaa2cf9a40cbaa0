// One question per screen: a fieldset whose legend is the page heading, native inputs, Continue.
import { useId, useState, type FormEvent } from 'react';
import type { AnswerValue } from '../engine/answers.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Option, Question } from '../rules/schema.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { useHeadingFocus, useUi } from './ui-context.ts';

interface Props {
  question: Question;
  /** The answer already given, when the person comes back to this question. */
  saved: AnswerValue | undefined;
  /** The machine's record of a refused answer for this question, if any. */
  error: object | null;
  /** The section's introduction, shown on the first question of a section. */
  sectionIntro: string | null;
  onAnswer: (value: AnswerValue | undefined) => void;
}

export function QuestionScreen({ question, saved, error, sectionIntro, onAnswer }: Props) {
  const { t, say, locale } = useUi();
  const uid = useId();
  const base = `bc${uid.replace(/[^a-zA-Z0-9_-]/g, '')}-${question.id}`;
  const headingRef = useHeadingFocus<HTMLHeadingElement>(question.id);
  const [draft, setDraft] = useState<AnswerValue | undefined>(saved);

  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const endsId = `${base}-ends`;
  const firstInputId = `${base}-0`;
  const n = (v: number) => formatNumber(locale, v);

  const errorMessage =
    question.type === 'single'
      ? t.errorChooseOne
      : question.type === 'multi'
        ? t.errorChooseAny
        : t.errorChooseNumber(n(question.min), n(question.max));

  const describedBy = [question.hint ? hintId : null, question.type === 'scale' ? endsId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = draft === undefined || (Array.isArray(draft) && draft.length === 0);
    onAnswer(empty ? undefined : draft);
  };

  return (
    <form className="backcheck__question" part="question" onSubmit={submit} noValidate>
      {error && <ErrorSummary message={errorMessage} targetId={firstInputId} occurrence={error} />}
      {sectionIntro && <p className="backcheck__section-intro">{sectionIntro}</p>}
      <div className={error ? 'backcheck__form-group backcheck__form-group--error' : 'backcheck__form-group'}>
        <fieldset aria-describedby={describedBy || undefined}>
          <legend>
            <h1 className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {say(question.text)}
            </h1>
          </legend>
          {question.hint && (
            <p id={hintId} className="backcheck__hint">
              {say(question.hint)}
            </p>
          )}
          {error && (
            <p id={errorId} className="backcheck__error-message">
              <span className="backcheck__visually-hidden">{t.errorPrefix} </span>
              {errorMessage}
            </p>
          )}
          {question.type === 'scale' ? (
            <ScaleInputs question={question} base={base} endsId={endsId} value={draft} onChange={setDraft} />
          ) : (
            <ChoiceInputs question={question} base={base} value={draft} onChange={setDraft} />
          )}
        </fieldset>
      </div>
      {question.why && (
        <details className="backcheck__why">
          <summary>{t.whyWeAsk}</summary>
          <p>{say(question.why)}</p>
        </details>
      )}
      <div className="backcheck__actions" part="actions">
        <button type="submit" className="backcheck__button">
          {t.continue}
        </button>
      </div>
    </form>
  );
}

interface ChoiceProps {
  question: Extract<Question, { type: 'single' | 'multi' }>;
  base: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}

function ChoiceInputs({ question, base, value, onChange }: ChoiceProps) {
  const { t, say } = useUi();
  const multi = question.type === 'multi';
  const ticked = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  const main = question.options.filter((o) => o.kind === 'answer');
  const apart = question.options.filter((o) => o.kind !== 'answer');
  // Input ids follow the order on screen, so `-0` is always the first input (the error summary links to it).
  const ordered = [...main, ...apart];

  const toggle = (option: Option, checked: boolean) => {
    if (!multi) return onChange(option.id);
    const next = new Set(ticked);
    if (!checked) next.delete(option.id);
    // "None of these" and a real answer contradict each other: ticking one unticks the other kind.
    else if (option.kind === 'none') return onChange([option.id]);
    else {
      for (const o of question.options) if (o.kind === 'none') next.delete(o.id);
      next.add(option.id);
    }
    onChange(question.options.filter((o) => next.has(o.id)).map((o) => o.id));
  };

  const item = (option: Option) => {
    const id = `${base}-${ordered.indexOf(option)}`;
    return (
      <div className="backcheck__choice" key={option.id}>
        <input
          id={id}
          type={multi ? 'checkbox' : 'radio'}
          name={base}
          value={option.id}
          checked={ticked.has(option.id)}
          onChange={(e) => toggle(option, e.currentTarget.checked)}
        />
        <label htmlFor={id}>{say(option.label)}</label>
      </div>
    );
  };

  return (
    <div className="backcheck__choices">
      {main.map(item)}
      {main.length > 0 && apart.length > 0 && (
        <p className="backcheck__divider" aria-hidden="true">
          {t.or}
        </p>
      )}
      {apart.map(item)}
    </div>
  );
}

interface ScaleProps {
  question: Extract<Question, { type: 'scale' }>;
  base: string;
  endsId: string;
  value: AnswerValue | undefined;
  onChange: (value: number) => void;
}

/** Pain scores as a row of numbered radios: no drag slider, which is hard to set exactly by touch or keyboard. */
function ScaleInputs({ question, base, endsId, value, onChange }: ScaleProps) {
  const { t, say, locale } = useUi();
  const n = (v: number) => formatNumber(locale, v);
  const numbers = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  return (
    <>
      <div className="backcheck__scale">
        {numbers.map((num, i) => (
          <div className="backcheck__scale-option" key={num}>
            <input
              id={`${base}-${i}`}
              type="radio"
              name={base}
              value={num}
              checked={value === num}
              onChange={() => onChange(num)}
            />
            <label htmlFor={`${base}-${i}`}>{n(num)}</label>
          </div>
        ))}
      </div>
      <p id={endsId} className="backcheck__scale-ends">
        <span className="backcheck__visually-hidden">
          {t.scaleEnds(n(question.min), say(question.minLabel), n(question.max), say(question.maxLabel))}
        </span>
        <span aria-hidden="true">
          {n(question.min)}: {say(question.minLabel)}
        </span>
        <span aria-hidden="true">
          {n(question.max)}: {say(question.maxLabel)}
        </span>
      </p>
    </>
  );
}
