// The question flow as a diagram: sections in asking order, the screens in each (a grouped check, or questions on
// one page), each question with its skip logic, when it is left out, and the red-flag exits its answers can
// trigger. Plain nested lists (screen readers read them in order) drawn as boxes and arrows by review.css; every
// exit is named in text, not only by colour.
import { questionsIn } from '../engine/conditions.ts';
import type { Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { describeCondition } from '../engine/condition-words.ts';
import { layoutOf, type Screen } from '../engine/screens.ts';
import { whenAsked } from './skip-words.ts';

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

function screenWords(screen: Screen, locale: Locale): string {
  const title = screen.title ? `"${localize(screen.title, locale)}"` : '';
  if (screen.kind === 'group') {
    return `Grouped check ${title}: the list, then Yes / No / I'm not sure. No answers every listed question "No"; Yes asks which ones (tick all that apply); I'm not sure asks each question on its own.`;
  }
  return screen.questions.length === 1 ? 'One question.' : `${screen.questions.length} questions on one page ${title}`.trim() + '.';
}

export function FlowDiagram({ rules, locale = 'en' }: { rules: Rules; locale?: Locale }) {
  const { screens } = layoutOf(rules);
  return (
    <ol className="backcheck-flow" aria-label="Question flow, in asking order">
      {rules.sections.map((section, si) => {
        const onScreens = screens.filter((s) => s.section === section.id);
        return (
          <li key={section.id} className="backcheck-flow__section">
            <h3 className="backcheck-flow__section-title">
              {si + 1}. {localize(section.title, locale)} <code>{section.id}</code>
            </h3>
            <ol className="backcheck-flow__screens">
              {onScreens.map((screen) => (
                <li key={screen.id} className={`backcheck-flow__screen backcheck-flow__screen--${screen.kind}`}>
                  <p className="backcheck-flow__screen-title">
                    Screen <code>{screen.id}</code>: {screenWords(screen, locale)}
                  </p>
                  <ol className="backcheck-flow__questions" aria-label={`Questions on screen ${screen.id}`}>
                    {screen.questions.map((q) => (
                      <FlowQuestion key={q.id} rules={rules} question={q} locale={locale} />
                    ))}
                  </ol>
                </li>
              ))}
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

function FlowQuestion({ rules, question: q, locale }: { rules: Rules; question: Question; locale: Locale }) {
  const exits = exitsOf(rules, q);
  return (
    <li className="backcheck-flow__question">
      <p className="backcheck-flow__text">
        <code>{q.id}</code> {localize(q.text, locale)}
        {q.short ? <span className="backcheck-flow__short"> (listed as "{localize(q.short, locale)}")</span> : null}
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
      <p className="backcheck-flow__relevance">{whenAsked(rules, q.id)}</p>
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
}
