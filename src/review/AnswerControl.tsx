// One question as a form control of "try it": a select for a single choice or a scale, checkboxes for a multi
// choice. Each is labelled with the question's id first, so a clinician (and a test) finds it by the id the rules use.
import { useId } from 'react';
import type { AnswerValue } from '../engine/answers.ts';
import type { Question } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export function AnswerControl(props: {
  question: Question;
  value: AnswerValue | undefined;
  locale: Locale;
  onChange: (value: AnswerValue | undefined) => void;
  /** Put before the usual "<id>: <question>" label, e.g. for the earlier check's answer to the same question. */
  labelPrefix?: string;
}) {
  const { question: q, value, locale, onChange, labelPrefix = '' } = props;
  const id = useId();
  const label = `${labelPrefix}${q.id}: ${localize(q.text, locale)}`;
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
