// "Try it": pick answers here and see what `evaluate` makes of them, with every rule that fired. Only questions
// that apply to the answers so far are shown, as in the questionnaire; unanswered questions count for nothing.
import { useId, useMemo, useState } from 'react';
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { evaluate } from '../engine/evaluate.ts';
import { walk, whyLeftOut } from '../engine/navigation.ts';
import { pruneAnswers, visibleQuestions } from '../engine/visibility.ts';
import type { Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { leftOutWords } from './skip-words.ts';
import { describeTrace } from '../engine/trace-words.ts';

export function TryIt({ rules, locale = 'en' }: { rules: Rules; locale?: Locale }) {
  const [raw, setRaw] = useState<Answers>({});
  const answers = useMemo(() => pruneAnswers(rules, raw), [rules, raw]);
  const visible = useMemo(() => visibleQuestions(rules, answers), [rules, answers]);
  const result = useMemo(() => evaluate(rules, answers, locale), [rules, answers, locale]);
  // What the check itself would show for these answers, and why it leaves the rest out.
  const route = useMemo(() => {
    const { plan } = walk(rules, answers);
    const leftOut = rules.questions.flatMap((q) => {
      const why = whyLeftOut(rules, answers, q);
      return why && why.kind !== 'hidden' ? [{ id: q.id, words: leftOutWords(why) }] : [];
    });
    return { screens: plan.map((p) => `${p.screen.id} (${p.questions.map((q) => q.id).join(', ')})`), leftOut };
  }, [rules, answers]);
  const set = (id: string, value: AnswerValue | undefined) =>
    setRaw((current) => {
      const next: Record<string, AnswerValue> = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });

  return (
    <div className="backcheck-tryit">
      <form className="backcheck-tryit__form" onSubmit={(e) => e.preventDefault()} aria-label="Try answers">
        {rules.sections.map((section) => {
          const questions = visible.filter((q) => q.section === section.id);
          if (questions.length === 0) return null;
          return (
            <fieldset key={section.id} className="backcheck-tryit__section">
              <legend>{localize(section.title, locale)}</legend>
              {questions.map((q) => (
                <AnswerControl key={q.id} question={q} value={answers[q.id]} locale={locale} onChange={(v) => set(q.id, v)} />
              ))}
            </fieldset>
          );
        })}
        <button type="button" className="backcheck-review__button" onClick={() => setRaw({})}>
          Clear all answers
        </button>
      </form>
      <section className="backcheck-tryit__result" aria-labelledby="backcheck-tryit-result" aria-live="polite">
        <h3 id="backcheck-tryit-result">Result for these answers</h3>
        <p className={`backcheck-tryit__urgency backcheck-tryit__urgency--${result.urgency}`}>
          Urgency: <strong>{result.urgency}</strong> — {result.title}
        </p>
        {result.outOfScope ? <p>Out of scope: {result.outOfScope.id}</p> : null}
        <h4>Rules that fired</h4>
        {result.trace.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul aria-label="Rules that fired">
            {describeTrace(result.trace).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <h4>Screens the check shows</h4>
        <ol aria-label="Screens the check shows">
          {route.screens.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <h4>Questions it leaves out</h4>
        {route.leftOut.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul aria-label="Questions it leaves out">
            {route.leftOut.map((q) => (
              <li key={q.id}>
                <code>{q.id}</code>: {q.words}
              </li>
            ))}
          </ul>
        )}
        {result.causes.length > 0 ? (
          <>
            <h4>Causes</h4>
            <ul aria-label="Causes">
              {result.causes.map((c) => (
                <li key={c.id}>
                  {c.id}: {c.likelihood} (score {c.score})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

function AnswerControl(props: {
  question: Question;
  value: AnswerValue | undefined;
  locale: Locale;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { question: q, value, locale, onChange } = props;
  const id = useId();
  const label = `${q.id}: ${localize(q.text, locale)}`;
  if (q.type === 'multi') {
    const ticked = Array.isArray(value) ? value : [];
    const toggle = (option: string, on: boolean) => {
      const next = on ? [...ticked, option] : ticked.filter((t) => t !== option);
      onChange(next.length > 0 ? next : undefined);
    };
    return (
      <fieldset className="backcheck-tryit__question">
        <legend>{label}</legend>
        {q.options.map((o) => (
          <label key={o.id} className="backcheck-tryit__check">
            <input type="checkbox" checked={ticked.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />{' '}
            {localize(o.label, locale)}
          </label>
        ))}
      </fieldset>
    );
  }
  const choices =
    q.type === 'scale'
      ? Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ id: String(q.min + i), label: String(q.min + i) }))
      : q.options.map((o) => ({ id: o.id, label: localize(o.label, locale) }));
  return (
    <div className="backcheck-tryit__question">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === '' ? undefined : q.type === 'scale' ? Number(v) : v);
        }}
      >
        <option value="">(no answer)</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
