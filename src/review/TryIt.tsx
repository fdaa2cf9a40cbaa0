// "Try it": pick answers here and see what `evaluate` makes of them, with every rule that fired. Only questions
// that apply to the answers so far are shown, as in the questionnaire; unanswered questions count for nothing.
// As a follow-up (issue #18), it asks what the follow-up asks and compares the answers with an earlier check the
// clinician enters, through the same `compareFollowUp` the check runs.
import { useMemo, useState } from 'react';
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { evaluate } from '../engine/evaluate.ts';
import { followUpRulesOf } from '../engine/follow-up.ts';
import { walk, whyLeftOut } from '../engine/navigation.ts';
import { layoutOf } from '../engine/screens.ts';
import { pruneAnswers, visibleQuestions } from '../engine/visibility.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { becauseByRule, describeTrace } from '../engine/trace-words.ts';
import { AnswerControl } from './AnswerControl.tsx';
import { EarlierCheckFields } from './EarlierCheckFields.tsx';
import { tryFollowUp, type EarlierCheck } from './follow-up-try.ts';
import { FollowUpTryResult } from './FollowUpTryResult.tsx';
import { leftOutWords } from './skip-words.ts';

export function TryIt({ rules, locale = 'en' }: { rules: Rules; locale?: Locale }) {
  const [raw, setRaw] = useState<Answers>({});
  const [earlier, setEarlier] = useState<EarlierCheck | null>(null);
  // "Now" for the days since the earlier check: fixed while the panel is open, so the outcome does not change by itself.
  const [now] = useState(() => Date.now());
  const asFollowUp = earlier && rules.followUp ? earlier : null;
  // A follow-up asks the same rules on its own screens only: what it never asks cannot count, so it is not offered.
  const asked = useMemo(() => (asFollowUp ? followUpRulesOf(rules) : rules), [rules, asFollowUp]);
  const answers = useMemo(() => {
    const pruned = pruneAnswers(asked, raw);
    if (!asFollowUp) return pruned;
    const onScreen = layoutOf(asked).screenOf;
    return Object.fromEntries(Object.entries(pruned).filter(([id]) => onScreen.has(id)));
  }, [asked, raw, asFollowUp]);
  const visible = useMemo(() => {
    const all = visibleQuestions(asked, answers);
    return asFollowUp ? all.filter((q) => layoutOf(asked).screenOf.has(q.id)) : all;
  }, [asked, answers, asFollowUp]);
  const tried = useMemo(
    () => (asFollowUp ? tryFollowUp(rules, asFollowUp, answers, now, locale) : null),
    [rules, asFollowUp, answers, now, locale],
  );
  // As a follow-up, the usual result is the comparison's own (the follow-up's answers as its walk counts them).
  const result = useMemo(() => tried?.comparison.result ?? evaluate(rules, answers, locale), [tried, rules, answers, locale]);
  const urgency = tried?.comparison.urgency ?? result.urgency;
  // What the check itself would show for these answers, and why it leaves the rest out.
  const route = useMemo(() => {
    const { plan } = walk(asked, answers);
    const leftOut = asked.questions.flatMap((q) => {
      const why = whyLeftOut(asked, answers, q);
      return why && why.kind !== 'hidden' ? [{ id: q.id, words: leftOutWords(why) }] : [];
    });
    return { screens: plan.map((p) => `${p.screen.id} (${p.questions.map((q) => q.id).join(', ')})`), leftOut };
  }, [asked, answers]);
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
        {rules.followUp ? (
          <EarlierCheckFields rules={rules} followUp={rules.followUp} earlier={asFollowUp} locale={locale} onChange={setEarlier} />
        ) : null}
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
        <p className={`backcheck-tryit__urgency backcheck-tryit__urgency--${urgency}`}>
          Urgency: <strong>{urgency}</strong> — {tried && !tried.comparison.usual ? 'the follow-up outcome' : result.title}
        </p>
        {result.outOfScope ? <p>Out of scope: {result.outOfScope.id}</p> : null}
        {tried ? <FollowUpTryResult tried={tried} /> : null}
        <h4>Rules that fired</h4>
        {result.trace.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul aria-label="Rules that fired">
            {describeTrace(result.trace, becauseByRule(result)).map((line) => (
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
