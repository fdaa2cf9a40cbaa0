// The question flow as a diagram: sections in asking order, each question with its skip logic and the red-flag
// exits its answers can trigger. Plain nested lists (screen readers read them in order) drawn as boxes and
// arrows by review.css; every exit is named in text, not only by colour.
import { questionsIn } from '../engine/conditions.ts';
import type { Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { describeCondition } from '../engine/condition-words.ts';

interface Exit {
  id: string;
  label: string;
  kind: 'emergency' | 'urgent' | 'scope';
}

/** Which red flags and scope exits depend on this question's answer. */
function exitsOf(rules: Rules, question: Question): Exit[] {
  return [
    ...rules.redFlags
      .filter((r) => questionsIn(r.when).includes(question.id))
      .map((r): Exit => ({ id: r.id, label: `${r.level}: ${describeCondition(rules, r.when)}`, kind: r.level })),
    ...rules.scopeExits
      .filter((r) => questionsIn(r.when).includes(question.id))
      .map((r): Exit => ({ id: r.id, label: `out of scope: ${describeCondition(rules, r.when)}`, kind: 'scope' })),
  ];
}

export function FlowDiagram({ rules, locale = 'en' }: { rules: Rules; locale?: Locale }) {
  return (
    <ol className="backcheck-flow" aria-label="Question flow, in asking order">
      {rules.sections.map((section, si) => {
        const questions = rules.questions.filter((q) => q.section === section.id);
        return (
          <li key={section.id} className="backcheck-flow__section">
            <h3 className="backcheck-flow__section-title">
              {si + 1}. {localize(section.title, locale)} <code>{section.id}</code>
            </h3>
            <ol className="backcheck-flow__questions">
              {questions.map((q) => {
                const exits = exitsOf(rules, q);
                return (
                  <li key={q.id} className="backcheck-flow__question">
                    <p className="backcheck-flow__text">
                      <code>{q.id}</code> {localize(q.text, locale)}
                    </p>
                    <p className="backcheck-flow__meta">
                      {q.type === 'scale'
                        ? `Scale ${q.min} to ${q.max}`
                        : `${q.type === 'multi' ? 'Tick any' : 'Choose one'}: ${q.options.map((o) => localize(o.label, locale)).join(' · ')}`}
                    </p>
                    {q.showIf ? (
                      <p className="backcheck-flow__skip">
                        <span aria-hidden="true">↳ </span>Asked only when {describeCondition(rules, q.showIf, { locale })}
                      </p>
                    ) : null}
                    {exits.length > 0 ? (
                      <ul className="backcheck-flow__exits" aria-label={`Exits from ${q.id}`}>
                        {exits.map((e) => (
                          <li key={e.id} className={`backcheck-flow__exit backcheck-flow__exit--${e.kind}`}>
                            <span aria-hidden="true">{e.kind === 'scope' ? '⇥ ' : '⚠ '}</span>
                            {e.kind === 'emergency' ? 'Ends at once' : e.kind === 'urgent' ? 'Red flag' : 'Exit'} ({e.id}) — {e.label}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </li>
        );
      })}
      <li className="backcheck-flow__section backcheck-flow__end">
        <h3 className="backcheck-flow__section-title">Review answers, then the result</h3>
      </li>
    </ol>
  );
}
