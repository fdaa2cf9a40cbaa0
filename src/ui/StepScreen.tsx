// One step of the check: a screen's questions (each its own fieldset), a grouped check ("Do you have any of
// these?" with Yes / No / I'm not sure), its "Which of these?" (each sign with what does not count), or, after "I'm
// not sure", its list again in full words with how to check each sign. The screen only collects what the person
// chose and sends it; the machine decides what it means and what comes next.
import { useEffect, useId, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import type { AnswerValue } from '../engine/answers.ts';
import type { GroupChoice, Response, ResponseProblem, Step } from '../engine/navigation.ts';
import { formatNumber, plural } from '../i18n/index.ts';
import type { Question } from '../rules/schema.ts';
import { ErrorSummary, type ErrorLink } from './ErrorSummary.tsx';
import { ChoiceInputs, ScaleInputs, TickList } from './inputs.tsx';
import { useHeadingFocus, useUi, type UiContextValue } from './ui-context.ts';

interface Props {
  step: Step;
  /** Answers already given (when the person comes back to this step). */
  saved: Readonly<Record<string, AnswerValue>>;
  /** The grouped check's own answer, when it has one. */
  savedChoice: GroupChoice | undefined;
  /** The machine's record of a refused response to this step, if any. */
  problems: readonly ResponseProblem[] | null;
  /** The section's introduction, shown on the first step of a section. */
  sectionIntro: string | null;
  /** The page heading for a screen of several questions, when the screen has no title of its own. */
  fallbackTitle: string;
  onRespond: (response: Response) => void;
}

export function StepScreen(props: Props) {
  const { step } = props;
  if (step.kind === 'screen' && step.screen.kind === 'group') return <GroupStep {...props} />;
  if (step.kind === 'which') return <WhichStep {...props} />;
  if (step.kind === 'unsure') return <QuestionsStep {...props} unsure />;
  return <QuestionsStep {...props} />;
}

/** Ids shared by a step's parts: unique per rendered step, stable across renders. */
function useBase(key: string): string {
  const uid = useId();
  return `bc${uid.replace(/[^a-zA-Z0-9_-]/g, '')}-${key.replace(/\//g, '-')}`;
}

function StepForm({
  step,
  problems,
  links,
  sectionIntro,
  onSubmit,
  status,
  children,
}: {
  step: Step;
  problems: readonly ResponseProblem[] | null;
  links: ErrorLink[];
  sectionIntro: string | null;
  onSubmit: () => void;
  /** Said beside Continue, politely (a page of several questions: how many are left). Undefined: no such line. */
  status?: string;
  children: ReactNode;
}) {
  const { t } = useUi();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="backcheck__question" part="question" onSubmit={submit} noValidate data-step={step.key}>
      {problems && links.length > 0 && <ErrorSummary links={links} occurrence={problems} />}
      {sectionIntro && <p className="backcheck__section-intro">{sectionIntro}</p>}
      {children}
      <div className="backcheck__actions" part="actions">
        {status !== undefined && (
          <p role="status" className="backcheck__left">
            {status}
          </p>
        )}
        <button type="submit" className="backcheck__button">
          {t.continue}
        </button>
      </div>
    </form>
  );
}

/**
 * A screen's questions, or a grouped check's list asked again after "I'm not sure" (`unsure`): each a fieldset with
 * native inputs.
 */
function QuestionsStep({ step, saved, problems, sectionIntro, fallbackTitle, onRespond, unsure = false }: Props & { unsure?: boolean }) {
  const ui = useUi();
  const { say } = ui;
  const base = useBase(step.key);
  const headingRef = useHeadingFocus<HTMLHeadingElement>(step.key);
  const [drafts, setDrafts] = useState<Record<string, AnswerValue | undefined>>(() =>
    Object.fromEntries(step.questions.map((q) => [q.id, saved[q.id]])),
  );
  const single = step.questions.length === 1 ? step.questions[0] : undefined;
  // Continue with questions left on a page of several: not an error for questions perhaps never seen below the
  // fold, but a move to the first one left, and how many there are.
  const left = !single && problems !== null && problems.length > 0 && problems.every((p) => p.kind === 'required') ? problems : null;
  const firstLeft = left ? step.questions.find((q) => left.some((p) => p.field === q.id)) : undefined;
  useEffect(() => {
    if (!firstLeft) return;
    // The page's document, or the widget's shadow root in a clinic's page.
    const root = headingRef.current?.getRootNode();
    const input = root instanceof Document || root instanceof ShadowRoot ? root.getElementById(`${base}-${firstLeft.id}-0`) : null;
    input?.closest('.backcheck__form-group')?.scrollIntoView?.({ block: 'start' });
    input?.focus({ preventScroll: true });
    // A long question can leave its first option under the sticky Continue bar, which the message has just made
    // taller (82% of "Yes" was covered on a 320 x 568 screen), or below a short screen (400% zoom: "Yes" at 388 px
    // of 256): then the option itself goes to the middle.
    const bar = input?.closest('form')?.querySelector('.backcheck__actions');
    const visibleTo = Math.min(window.innerHeight, bar ? bar.getBoundingClientRect().top : Infinity);
    if (input && input.getBoundingClientRect().bottom > visibleTo) input.scrollIntoView?.({ block: 'center' });
    // A new refusal (a new problems list) moves again, to whichever question is now first left.
  }, [left, firstLeft, base, headingRef]);
  const problemFor = (q: Question) => (left ? null : (problems?.find((p) => p.field === q.id) ?? null));
  const links: ErrorLink[] = step.questions.flatMap((q) => {
    const p = problemFor(q);
    if (!p) return [];
    const message = errorMessageFor(q, ui, single ? null : say(q.short ?? q.text));
    return [{ targetId: `${base}-${q.id}-0`, message }];
  });
  const respond = () => {
    const values = Object.fromEntries(
      step.questions.map((q) => {
        const v = drafts[q.id];
        return [q.id, Array.isArray(v) && v.length === 0 ? undefined : v];
      }),
    );
    onRespond({ kind: 'values', values });
  };
  const field = (q: Question, heading: boolean) => (
    <QuestionField
      key={q.id}
      question={q}
      base={`${base}-${q.id}`}
      value={drafts[q.id]}
      onChange={(v) => setDrafts((d) => ({ ...d, [q.id]: v }))}
      error={problemFor(q) ? errorMessageFor(q, ui, null) : null}
      headingRef={heading ? headingRef : undefined}
    />
  );
  return (
    <StepForm
      step={step}
      problems={problems}
      links={links}
      sectionIntro={sectionIntro}
      onSubmit={respond}
      status={single ? undefined : left ? plural(ui.locale, left.length, ui.t.questionsLeft) : ''}
    >
      {single ? (
        field(single, true)
      ) : (
        <>
          <h1 className="backcheck__heading" tabIndex={-1} ref={headingRef}>
            {unsure ? ui.t.unsureTitle : step.screen.title ? say(step.screen.title) : fallbackTitle}
          </h1>
          {unsure && <p className="backcheck__lead">{ui.t.unsureLead}</p>}
          {step.questions.map((q) => field(q, false))}
        </>
      )}
    </StepForm>
  );
}

function errorMessageFor(q: Question, ui: Pick<UiContextValue, 't' | 'locale'>, label: string | null): string {
  const { t, locale } = ui;
  const message =
    q.type === 'single'
      ? t.errorChooseOne
      : q.type === 'multi'
        ? t.errorChooseAny
        : t.errorChooseNumber(formatNumber(locale, q.min), formatNumber(locale, q.max));
  return label ? t.errorFor(label, message) : message;
}

interface FieldProps {
  question: Question;
  base: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | null;
  /** Given when the question is the page heading (a step with one question). */
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** One question as a fieldset: its text as the legend (the page's h1 when it is alone), hint, error, inputs, why. */
function QuestionField({ question, base, value, onChange, error, headingRef }: FieldProps) {
  const { t, say } = useUi();
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const endsId = `${base}-ends`;
  // A rule's hint is there for whoever wants it, collapsed so the question stays short; the tick-all hint is not.
  // What does not count, and how to check, are always in view: a sign is only answered Yes with them read.
  const hint = question.hint ? say(question.hint) : null;
  const exclude = question.exclude ? say(question.exclude) : null;
  const check = question.check ? say(question.check) : null;
  const tickAll = question.type === 'multi' ? `${hintId}-tick` : null;
  const excludeId = `${base}-exclude`;
  const checkId = `${base}-check`;
  const describedBy = [tickAll, exclude ? excludeId : null, check ? checkId : null, hint ? hintId : null, question.type === 'scale' ? endsId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const text = say(question.text);
  return (
    <div className={error ? 'backcheck__form-group backcheck__form-group--error' : 'backcheck__form-group'} data-question={question.id}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend>
          {headingRef ? (
            <h1 className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {text}
            </h1>
          ) : (
            <span className="backcheck__legend">{text}</span>
          )}
        </legend>
        {tickAll && (
          <p id={tickAll} className="backcheck__hint">
            {t.tickAll}
          </p>
        )}
        {exclude && (
          <p id={excludeId} className="backcheck__exclude">
            {exclude}
          </p>
        )}
        {check && (
          <p id={checkId} className="backcheck__check">
            <strong>{t.howToCheck}</strong> {check}
          </p>
        )}
        {hint && (
          <details className="backcheck__why backcheck__more">
            <summary>{t.whatWeMean}</summary>
            <p id={hintId} className="backcheck__hint">
              {hint}
            </p>
          </details>
        )}
        <FieldError id={errorId} message={error} />
        {question.type === 'scale' ? (
          <ScaleInputs question={question} base={base} endsId={endsId} value={value} onChange={onChange} />
        ) : (
          <ChoiceInputs question={question} base={base} value={value} onChange={onChange} />
        )}
      </fieldset>
      {question.why && (
        <details className="backcheck__why">
          <summary>{t.whyWeAsk}</summary>
          <p>{say(question.why)}</p>
        </details>
      )}
    </div>
  );
}

/**
 * "Do you have any of these?": the short list, then a forced choice. A Yes/No question is read more carefully
 * than a tick-any list, which people skim and under-report on.
 */
function GroupStep({ step, savedChoice, problems, sectionIntro, onRespond }: Props) {
  const { t, say } = useUi();
  const base = useBase(step.key);
  const headingRef = useHeadingFocus<HTMLHeadingElement>(step.key);
  const [choice, setChoice] = useState<GroupChoice | undefined>(savedChoice);
  const listId = `${base}-list`;
  const notSureId = `${base}-not-sure`;
  const errorId = `${base}-error`;
  const error = problems && problems.length > 0 ? t.errorChooseOne : null;
  // The answers are the listed questions' own Yes / No / I'm not sure, in the rules' words.
  const first = step.questions[0];
  const options = first && first.type !== 'scale' ? first.options : [];
  const label = (pick: (o: (typeof options)[number]) => boolean) => {
    const option = options.find(pick);
    return option ? say(option.label) : '';
  };
  const choices: { id: GroupChoice; label: string }[] = [
    { id: 'yes', label: label((o) => o.id === 'yes') },
    { id: 'no', label: label((o) => o.id === 'no') },
    { id: 'not_sure', label: label((o) => o.kind === 'not_sure') },
  ];
  return (
    <StepForm
      step={step}
      problems={problems}
      links={error ? [{ targetId: `${base}-0`, message: error }] : []}
      sectionIntro={sectionIntro}
      onSubmit={() => onRespond({ kind: 'choice', choice })}
    >
      <div className={error ? 'backcheck__form-group backcheck__form-group--error' : 'backcheck__form-group'}>
        <fieldset aria-describedby={[listId, error ? errorId : null].filter(Boolean).join(' ')}>
          <legend>
            <h1 className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {step.screen.title ? say(step.screen.title) : t.anyOfThese}
            </h1>
          </legend>
          <ul id={listId} className="backcheck__group-list">
            {step.questions.map((q) => (
              <li key={q.id} data-question={q.id}>
                {say(q.short ?? q.text)}
              </li>
            ))}
          </ul>
          <FieldError id={errorId} message={error} />
          {/* Side by side: on a small phone every answer stays above the Continue bar. */}
          <div className="backcheck__choices backcheck__choices--row">
            {choices.map((c, i) => (
              <div className="backcheck__choice" key={c.id}>
                <input
                  id={`${base}-${i}`}
                  type="radio"
                  name={base}
                  value={c.id}
                  checked={choice === c.id}
                  aria-describedby={c.id === 'not_sure' && !sectionIntro ? notSureId : undefined}
                  onChange={() => setChoice(c.id)}
                />
                <label htmlFor={`${base}-${i}`}>{c.label}</label>
              </div>
            ))}
          </div>
          {/* The section's introduction, when shown, already says what "not sure" does: one of them is enough. */}
          {!sectionIntro && (
            <p id={notSureId} className="backcheck__hint">
              {t.groupNotSureHint}
            </p>
          )}
        </fieldset>
      </div>
    </StepForm>
  );
}

/**
 * "Which of these?": after Yes, tick the ones you have, so the result names each sign. Each sign shows what does not
 * count under it, and "None of these" is a way back for someone who said Yes to a normal feeling after training.
 */
function WhichStep({ step, saved, problems, sectionIntro, onRespond }: Props) {
  const ui = useUi();
  const { t, say } = ui;
  const base = useBase(step.key);
  const headingRef = useHeadingFocus<HTMLHeadingElement>(step.key);
  const wasTicked = (q: Question) => saved[q.id] === 'yes' || (q.confirm === true && saved[q.id] === 'not_sure');
  const [ticked, setTicked] = useState<string[]>(() => step.questions.filter(wasTicked).map((q) => q.id));
  const [confirmed, setConfirmed] = useState<Record<string, AnswerValue | undefined>>(() =>
    Object.fromEntries(step.questions.filter((q) => q.confirm && wasTicked(q)).map((q) => [q.id, saved[q.id]])),
  );
  const [none, setNone] = useState(false);
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const noneId = `${base}-none`;
  // A sign that is an emergency on its own is confirmed in full words as soon as it is ticked, under it.
  const toConfirm = none ? [] : step.questions.filter((q) => q.confirm && ticked.includes(q.id));
  const confirmProblem = (q: Question) => problems?.find((p) => p.field === q.id) ?? null;
  // Right under the sign it confirms (conditional reveal): after the whole list it opened below a phone's screen,
  // and the next tap on Continue met an error about a question the person had not seen.
  const confirmField = (q: Question) => (
    <div className="backcheck__confirm">
      <p className="backcheck__confirm-title">{t.confirmTitle}</p>
      <QuestionField
        question={q}
        base={`${base}-confirm-${q.id}`}
        value={confirmed[q.id]}
        onChange={(v) => setConfirmed((c) => ({ ...c, [q.id]: v }))}
        error={confirmProblem(q) ? errorMessageFor(q, ui, null) : null}
        headingRef={undefined}
      />
    </div>
  );
  const tickProblem = problems?.some((p) => p.field === step.screen.id) ?? false;
  const error = tickProblem ? t.errorTickOne : null;
  const links: ErrorLink[] = [
    ...(error ? [{ targetId: `${base}-0`, message: error }] : []),
    ...toConfirm.filter(confirmProblem).map((q) => ({ targetId: `${base}-confirm-${q.id}-0`, message: t.errorFor(say(q.short ?? q.text), t.errorChooseOne) })),
  ];
  return (
    <StepForm
      step={step}
      problems={problems}
      links={links}
      sectionIntro={sectionIntro}
      onSubmit={() =>
        onRespond(
          none
            ? { kind: 'ticked', questions: [], none: true }
            : { kind: 'ticked', questions: ticked, confirmed: Object.fromEntries(toConfirm.map((q) => [q.id, confirmed[q.id]])) },
        )
      }
    >
      <div className={error ? 'backcheck__form-group backcheck__form-group--error' : 'backcheck__form-group'}>
        <fieldset aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}>
          <legend>
            <h1 className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {t.whichTitle}
            </h1>
          </legend>
          <p id={hintId} className="backcheck__hint">
            {t.tickAll}
          </p>
          <FieldError id={errorId} message={error} />
          <TickList
            base={base}
            items={step.questions.map((q) => ({
              id: q.id,
              label: say(q.short ?? q.text),
              // The question a tick reveals says what does not count itself: not twice in a row.
              ...(toConfirm.includes(q) ? { revealed: confirmField(q) } : q.exclude ? { detail: say(q.exclude) } : {}),
            }))}
            ticked={none ? [] : ticked}
            onChange={(next) => {
              setTicked(next);
              if (next.length > 0) setNone(false);
            }}
          />
          <p className="backcheck__divider" aria-hidden="true">
            {t.or}
          </p>
          <div className="backcheck__choices">
            <div className="backcheck__choice">
              <input
                id={noneId}
                type="checkbox"
                name={`${base}-none`}
                value="none-of-these"
                checked={none}
                onChange={(e) => {
                  setNone(e.currentTarget.checked);
                  if (e.currentTarget.checked) setTicked([]);
                }}
              />
              <label htmlFor={noneId}>{t.whichNone}</label>
            </div>
          </div>
        </fieldset>
      </div>
    </StepForm>
  );
}

/** A question's error, next to it: said as "Error:" to screen readers, and named by the fieldset's description. */
function FieldError({ id, message }: { id: string; message: string | null }) {
  const { t } = useUi();
  if (!message) return null;
  return (
    <p id={id} className="backcheck__error-message">
      <span className="backcheck__visually-hidden">{t.errorPrefix} </span>
      {message}
    </p>
  );
}
