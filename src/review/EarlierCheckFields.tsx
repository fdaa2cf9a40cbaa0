// "Try it" as a follow-up: the switch, and the earlier check the follow-up compares with. The kept answers are the
// questions the rules' `followUp.keep` names, each with its usual control, so a kept answer a clinician adds to the
// rules appears here with no code.
import { useId } from 'react';
import type { AnswerValue } from '../engine/answers.ts';
import type { FollowUp, Rules } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';
import { AnswerControl } from './AnswerControl.tsx';
import { defaultEarlier, MAX_DAYS_AGO, type EarlierCheck } from './follow-up-try.ts';

const DAYS = Array.from({ length: MAX_DAYS_AGO + 1 }, (_, i) => i);

interface Props {
  rules: Rules;
  followUp: FollowUp;
  /** The earlier check, or null while "try it" runs as a first check. */
  earlier: EarlierCheck | null;
  locale: Locale;
  onChange: (earlier: EarlierCheck | null) => void;
}

export function EarlierCheckFields({ rules, followUp, earlier, locale, onChange }: Props) {
  const uid = useId();
  const kept = followUp.keep.flatMap((id) => rules.questions.filter((q) => q.id === id));
  const setAnswer = (id: string, value: AnswerValue | undefined) => {
    if (!earlier) return;
    const answers: Record<string, AnswerValue> = { ...earlier.answers };
    if (value === undefined) delete answers[id];
    else answers[id] = value;
    onChange({ ...earlier, answers });
  };
  return (
    <fieldset className="backcheck-tryit__section">
      <legend>Follow-up</legend>
      <label className="backcheck-tryit__check">
        <input
          type="checkbox"
          checked={earlier !== null}
          onChange={(e) => onChange(e.target.checked ? defaultEarlier(followUp) : null)}
        />{' '}
        Try as a follow-up to an earlier check
      </label>
      {earlier ? (
        <fieldset className="backcheck-tryit__question">
          <legend>The earlier check</legend>
          <div className="backcheck-tryit__question">
            <label htmlFor={`${uid}-days`}>Days ago (0 to {MAX_DAYS_AGO})</label>
            <select
              id={`${uid}-days`}
              value={earlier.daysAgo}
              onChange={(e) => onChange({ ...earlier, daysAgo: Number(e.target.value) })}
            >
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <div className="backcheck-tryit__question">
            <label htmlFor={`${uid}-urgency`}>Its urgency</label>
            {/* Only the results the rules offer a follow-up on can lead to one. */}
            <select
              id={`${uid}-urgency`}
              value={earlier.urgency}
              onChange={(e) => onChange({ ...earlier, urgency: followUp.offerFor.find((u) => u === e.target.value) ?? earlier.urgency })}
            >
              {followUp.offerFor.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </div>
          {kept.map((q) => (
            <AnswerControl
              key={q.id}
              question={q}
              value={earlier.answers[q.id]}
              locale={locale}
              labelPrefix="Then: "
              onChange={(v) => setAnswer(q.id, v)}
            />
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
