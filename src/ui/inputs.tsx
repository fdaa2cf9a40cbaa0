// Native inputs for one question: radios or checkboxes for choices, numbered radios for a scale, and the
// checkbox list of "Which of these?". Input ids follow the order on screen, so `-0` is always the first input
// (the error summary links to it).
import type { ReactNode } from 'react';
import type { AnswerValue } from '../engine/answers.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Option, Question } from '../rules/schema.ts';
import { useUi } from './ui-context.ts';

interface ChoiceProps {
  question: Extract<Question, { type: 'single' | 'multi' }>;
  base: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}

export function ChoiceInputs({ question, base, value, onChange }: ChoiceProps) {
  const { t, say } = useUi();
  const multi = question.type === 'multi';
  const ticked = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  const main = question.options.filter((o) => o.kind === 'answer');
  const apart = question.options.filter((o) => o.kind !== 'answer');
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
          aria-describedby={option.exclude ? `${id}-detail` : undefined}
          onChange={(e) => toggle(option, e.currentTarget.checked)}
        />
        <label htmlFor={id}>
          {option.swatch && <span className="backcheck__swatch" aria-hidden="true" style={{ backgroundColor: option.swatch }} />}
          {say(option.label)}
        </label>
        {option.exclude && (
          <p id={`${id}-detail`} className="backcheck__choice-detail">
            {say(option.exclude)}
          </p>
        )}
      </div>
    );
  };

  // Four or more short answers and nothing apart (age bands): two columns, so a screen of two questions stays short.
  const pairs = !multi && apart.length === 0 && main.length >= 4 && main.every((o) => say(o.label).length <= 12);
  return (
    <div className={pairs ? 'backcheck__choices backcheck__choices--pairs' : 'backcheck__choices'}>
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
export function ScaleInputs({ question, base, endsId, value, onChange }: ScaleProps) {
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

interface TickListProps {
  base: string;
  /**
   * Each item's label, a line under it (what does not count) read with it, and what a tick reveals right under the
   * item (a question about it): on a phone, anything placed after the whole list opens out of sight.
   */
  items: readonly { id: string; label: string; detail?: string; revealed?: ReactNode }[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
}

/** Checkboxes over a list of items, keeping the list's order in what it reports. */
export function TickList({ base, items, ticked, onChange }: TickListProps) {
  const on = new Set(ticked);
  return (
    <div className="backcheck__choices">
      {items.map((item, i) => (
        <div className="backcheck__choice" key={item.id}>
          <input
            id={`${base}-${i}`}
            type="checkbox"
            name={base}
            value={item.id}
            checked={on.has(item.id)}
            aria-describedby={item.detail ? `${base}-${i}-detail` : undefined}
            onChange={(e) => {
              const next = new Set(on);
              if (e.currentTarget.checked) next.add(item.id);
              else next.delete(item.id);
              onChange(items.filter((x) => next.has(x.id)).map((x) => x.id));
            }}
          />
          <label htmlFor={`${base}-${i}`}>{item.label}</label>
          {item.detail && (
            <p id={`${base}-${i}-detail`} className="backcheck__choice-detail">
              {item.detail}
            </p>
          )}
          {item.revealed && on.has(item.id) && <div className="backcheck__reveal">{item.revealed}</div>}
        </div>
      ))}
    </div>
  );
}
