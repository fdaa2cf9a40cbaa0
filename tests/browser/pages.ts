// Driving the gym-goer's questionnaire in real Chromium the way a person does: by reading the heading on screen and
// answering it, with the mouse or with the keyboard only. Answers are planned by question id ("answer calmly",
// "answer with an emergency"); the driver finds the question on screen from its heading in the rules, so the tests
// follow the real rules file and survive wording or order changes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { answerProblem, findQuestion, type AnswerValue } from '../../src/engine/answers.ts';
import { layoutOf } from '../../src/engine/screens.ts';
import { catalogues, type Messages } from '../../src/i18n/index.ts';
import type { Question, Rules } from '../../src/rules/schema.ts';
import { localize, type Locale } from '../../src/rules/text.ts';
import { ROOT } from '../helpers.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

// ---------------------------------------------------------------------------------------------------------------
// Answer plans
// ---------------------------------------------------------------------------------------------------------------

/** Answers by question id. Questions not in a plan get the calm default below. */
export type Plan = Readonly<Record<string, AnswerValue>>;

/**
 * The answer a person without warning signs gives when the plan says nothing: "No" where offered, "None of these"
 * for tick lists, the first real option otherwise, and the lowest score.
 */
export function calmDefault(question: Question): AnswerValue {
  if (question.type === 'scale') return question.min;
  if (question.type === 'multi') {
    const none = question.options.find((o) => o.kind === 'none');
    return [(none ?? question.options[0])!.id];
  }
  const no = question.options.find((o) => o.id === 'no');
  return (no ?? question.options.find((o) => o.kind === 'answer') ?? question.options[0])!.id;
}

/**
 * Every way a plan does not fit the rules: a question id that is not there, or an answer its question does not take.
 * A plan written for older rules would otherwise be answered with calm defaults without a word.
 */
export function planProblems(rules: Rules, plan: Plan): string[] {
  return Object.entries(plan).flatMap(([id, value]) => {
    const question = findQuestion(rules, id);
    if (!question) return [`no question "${id}" in the rules`];
    const problem = answerProblem(question, value);
    return problem ? [problem] : [];
  });
}

export function planAnswer(plan: Plan, question: Question): AnswerValue {
  return plan[question.id] ?? calmDefault(question);
}

/**
 * A gym-goer with a sore back after deadlifts and no warning signs: self-care, with the lifting-form cause (their back
 * rounded under the weight and they kept lifting as their form broke down).
 */
export const CALM: Plan = {
  age_band: 'age_20_to_50',
  pain_onset: 'during_workout',
  pain_score: 3,
  pain_duration: 'under_3_days',
  pain_where: ['low_back'],
  training_signs: ['back_rounded', 'form_broke_down'],
  urine_colour: 'pale',
};

/** The same person whose pain has lasted weeks and is not getting better: a consult sign (not_settling), no red flag. */
export const CONSULT: Plan = { ...CALM, pain_duration: 'weeks_1_to_6', pain_trend: 'same' };

/** Fever with back pain: an urgent red flag, ticked in the first grouped check's "Which of these?". */
export const URGENT: Plan = { ...CALM, rf_fever: 'yes' };

/** Numbness in the saddle area: the first grouped check, and an emergency that ends the check at once. */
export const EMERGENCY: Plan = { ...CALM, rf_saddle_numbness: 'yes' };

/** Not sure whether there is numbness between the legs: the first grouped check's "I'm not sure", then urgent. */
export const NOT_SURE: Plan = { ...CALM, rf_saddle_numbness: 'not_sure' };

/** A 14-year-old: no red flags, but the check is not made for them. */
export const OUT_OF_SCOPE: Plan = { ...CALM, age_band: 'under_16' };

// ---------------------------------------------------------------------------------------------------------------
// One browser and one static server per test file, a fresh context per test
// ---------------------------------------------------------------------------------------------------------------

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen on this page so far. */
  problems: string[];
}

/** Phone first: the default viewport is a common small Android phone. */
export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * Registers the file's hooks: a static server for dist/ and one Chromium, closed after the file; every context
 * opened with `open()` is closed after its test. Every test fails if the page logged an error or hit the CSP.
 */
export function browserSuite() {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let opened: TestPage[] = [];

  beforeAll(async () => {
    server = await serveStatic(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const problems = opened.flatMap((p) => p.problems);
    await Promise.all(opened.map((p) => p.context.close()));
    opened = [];
    if (problems.length > 0) throw new Error(`The page reported problems:\n  ${problems.join('\n  ')}`);
  });

  return {
    get url(): string {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    async open(options: BrowserContextOptions = {}): Promise<TestPage> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', ...options });
      // Well under the test timeout, so a missing button fails with its own message rather than the test's.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const problems: string[] = [];
      // The page's CSP lives in a <meta> tag; a violation fires this event before the browser logs it.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
        });
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
      const opened1 = { context, page, problems };
      opened.push(opened1);
      return opened1;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The questionnaire page object
// ---------------------------------------------------------------------------------------------------------------

/** A step of the check as it is on screen: its key, its kind, and the questions it asks. */
export interface StepOnScreen {
  key: string;
  /** `group`: "Do you have any of these?"; `which`: its "Which of these?"; `questions`: one or more questions. */
  kind: 'group' | 'which' | 'questions';
  screen: string;
  section: string;
  questions: Question[];
}

export type Screen =
  | { kind: 'intro' | 'review' | 'result' | 'resume'; heading: string }
  | { kind: 'step'; heading: string; step: StepOnScreen };

/** A step on screen that asks this question (in any way: alone, with others, or in a grouped check's list). */
export function asks(s: Screen, questionId: string): boolean {
  return s.kind === 'step' && s.step.questions.some((q) => q.id === questionId);
}

export type InputMode = 'pointer' | 'keyboard';

/** How many Tab presses we allow to reach a control before calling the page unreachable by keyboard. */
const MAX_TABS = 80;

/** The grouped check's answer that planned answers to its list imply: not sure of any, else yes to any, else no. */
function groupChoice(values: AnswerValue[]): 'yes' | 'no' | 'not_sure' {
  return values.includes('not_sure') ? 'not_sure' : values.includes('yes') ? 'yes' : 'no';
}

export class CheckPage {
  constructor(
    readonly page: Page,
    readonly rules: Rules,
    public locale: Locale = 'en',
    public mode: InputMode = 'pointer',
  ) {}

  get t(): Messages {
    return catalogues[this.locale];
  }

  say(text: Parameters<typeof localize>[0]): string {
    return localize(text, this.locale);
  }

  /**
   * Opens the page and waits until the network is idle: the intro shows from a small first chunk while the rest of
   * the check loads, and the tests drive the loaded check (the early-Start case has its own test).
   */
  async goto(url: string): Promise<Screen> {
    await this.page.goto(url, { waitUntil: 'networkidle' });
    await this.page.locator('h1').first().waitFor();
    return this.screen();
  }

  async headingText(): Promise<string> {
    return ((await this.page.locator('h1').first().textContent()) ?? '').trim();
  }

  /** What is on screen: a step (found by its form's `data-step`), or the intro, review, result or resume offer. */
  async screen(): Promise<Screen> {
    const heading = await this.headingText();
    if (heading === this.t.reviewTitle) return { kind: 'review', heading };
    if ((await this.page.locator('.backcheck__resume').count()) > 0) return { kind: 'resume', heading };
    if ((await this.page.locator('.backcheck__banner').count()) > 0) return { kind: 'result', heading };
    const form = this.page.locator('form[data-step]');
    if ((await form.count()) > 0) {
      const view = await form.evaluate((f) => ({
        key: (f as HTMLFormElement).dataset.step ?? '',
        list: [...f.querySelectorAll<HTMLElement>('[data-question]')].map((e) => e.dataset.question ?? ''),
        ticks: [...f.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((i) => i.value),
        group: f.querySelector('.backcheck__group-list') !== null,
      }));
      const [screenId = '', part] = view.key.split('/');
      const screen = layoutOf(this.rules).screenById.get(screenId);
      if (!screen) throw new Error(`Unknown screen "${screenId}"`);
      const kind = part === 'which' ? 'which' : view.group ? 'group' : 'questions';
      // "Which of these?" ends with a way out ("none of these after all"), which is not a question.
      const ids = kind === 'which' ? view.ticks.filter((id) => id !== 'none-of-these') : view.list;
      const questions = ids.map((id) => {
        const q = this.rules.questions.find((x) => x.id === id);
        if (!q) throw new Error(`Unknown question "${id}" on screen`);
        return q;
      });
      return { kind: 'step', heading, step: { key: view.key, kind, screen: screenId, section: screen.section, questions } };
    }
    if (heading === this.say(this.rules.meta.title)) return { kind: 'intro', heading };
    throw new Error(`Unknown screen with heading "${heading}"`);
  }

  async currentStep(): Promise<StepOnScreen> {
    const s = await this.screen();
    if (s.kind !== 'step') throw new Error(`Expected a step, found the ${s.kind} screen ("${s.heading}")`);
    return s.step;
  }

  /** Runs `act` and waits for a new screen: a different page heading, or another step's form. */
  async step(act: () => Promise<void>): Promise<Screen> {
    const before = await this.page.evaluate(() => `${document.querySelector('h1')?.textContent ?? ''}|${document.querySelector('form[data-step]')?.getAttribute('data-step') ?? ''}`);
    await act();
    await this.page.waitForFunction(
      (prev) => {
        const h = document.querySelector('h1');
        const now = `${h?.textContent ?? ''}|${document.querySelector('form[data-step]')?.getAttribute('data-step') ?? ''}`;
        return h !== null && now !== prev;
      },
      before,
      { timeout: 10_000 },
    );
    return this.screen();
  }

  /** The element that has focus, described for assertions and error messages. */
  async focused(): Promise<{ tag: string; text: string; type: string | null; value: string | null; checked: boolean; question: string | null }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const input = el instanceof HTMLInputElement ? el : null;
      return {
        tag: el?.tagName ?? '',
        text: (el?.textContent ?? '').trim(),
        type: input?.type ?? null,
        value: input?.value ?? null,
        checked: input?.checked ?? false,
        question: el?.closest<HTMLElement>('[data-question]')?.dataset.question ?? null,
      };
    });
  }

  /** Presses Tab (or Shift+Tab) until the focused element is what `wanted` accepts. Keyboard only. */
  async tabTo(what: string, wanted: (f: Awaited<ReturnType<CheckPage['focused']>>) => boolean, back = false): Promise<void> {
    for (let i = 0; i < MAX_TABS; i++) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (wanted(await this.focused())) return;
    }
    throw new Error(`Could not reach ${what} with ${back ? 'Shift+Tab' : 'Tab'} in ${MAX_TABS} presses`);
  }

  async tabToButton(label: string, back = false): Promise<void> {
    await this.tabTo(`the "${label}" button`, (f) => f.tag === 'BUTTON' && f.text === label, back);
  }

  /** Presses a button: a click, or Tab to it and Enter. */
  async press(label: string): Promise<void> {
    if (this.mode === 'pointer') await this.page.getByRole('button', { name: label, exact: true }).click();
    else {
      await this.tabToButton(label);
      await this.page.keyboard.press('Enter');
    }
  }

  async start(): Promise<Screen> {
    return this.step(() => this.press(this.t.start));
  }

  /**
   * Picks `wanted` among the inputs in `scope` (a question's group, or the whole form for a grouped check),
   * without continuing. `many`: checkboxes (tick exactly these), else radios (pick this one).
   */
  async pick(scope: string, wanted: Set<string>, many: boolean, inQuestion: string | null): Promise<void> {
    const inputs = await this.page
      .locator(`${scope} input`)
      .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLInputElement).value, checked: (e as HTMLInputElement).checked })));
    const values = inputs.map((i) => i.value);
    for (const v of wanted) if (!values.includes(v)) throw new Error(`no option ${v} in ${scope}`);
    if (this.mode === 'pointer') {
      // Click only what has to change, in screen order, as a person would.
      for (const input of inputs) {
        if (input.checked === wanted.has(input.value)) continue;
        if (!many && !wanted.has(input.value)) continue;
        await this.page.locator(`${scope} input[value="${input.value}"]`).click();
      }
      return;
    }
    // Keyboard: Tab into the group (it lands on the checked radio, or the first), then arrows or Space.
    await this.tabTo(`the answers in ${scope}`, (f) => f.tag === 'INPUT' && f.question === inQuestion && values.includes(f.value ?? ''));
    if (many) {
      for (let i = 0; i < values.length; i++) {
        const f = await this.focused();
        if (f.checked !== wanted.has(f.value ?? '')) await this.page.keyboard.press('Space');
        if (i < values.length - 1) await this.page.keyboard.press('Tab');
      }
      return;
    }
    const [target] = [...wanted];
    const to = values.indexOf(target ?? '');
    const f = await this.focused();
    const at = values.indexOf(f.value ?? '');
    if (at === to) {
      if (!f.checked) await this.page.keyboard.press('Space');
      return;
    }
    // Arrow keys move within a radio group and select as they go.
    const key = to > at ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(to - at); i++) await this.page.keyboard.press(key);
  }

  /** Sets the planned answers on the step on screen, without continuing. */
  async fill(plan: Plan): Promise<StepOnScreen> {
    const problems = planProblems(this.rules, plan);
    if (problems.length > 0) throw new Error(`The plan does not fit the rules ${this.rules.meta.version}:\n  ${problems.join('\n  ')}`);
    const step = await this.currentStep();
    const form = `form[data-step="${step.key}"]`;
    if (step.kind === 'group') {
      await this.pick(form, new Set([groupChoice(step.questions.map((q) => planAnswer(plan, q)))]), false, null);
    } else if (step.kind === 'which') {
      const yes = step.questions.filter((q) => planAnswer(plan, q) === 'yes').map((q) => q.id);
      await this.pick(form, new Set(yes), true, null);
      // A ticked emergency-level sign is confirmed in full words on the same page.
      const confirm = await this.page.locator(`${form} .backcheck__confirm [data-question]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question ?? ''));
      for (const id of confirm) {
        const q = step.questions.find((x) => x.id === id);
        if (q) await this.pick(`${form} .backcheck__confirm [data-question="${id}"]`, new Set([String(planAnswer(plan, q))]), false, id);
      }
    } else {
      for (const q of step.questions) {
        const value = planAnswer(plan, q);
        await this.pick(`${form} [data-question="${q.id}"]`, new Set((Array.isArray(value) ? value : [value]).map(String)), q.type === 'multi', q.id);
      }
    }
    return step;
  }

  /** Answers the step on screen with its planned answers and continues; returns the next screen. */
  async answer(plan: Plan): Promise<Screen> {
    await this.fill(plan);
    return this.step(() => this.press(this.t.continue));
  }

  /** Answers steps until a screen of one of these kinds shows (or a step asking a given question). */
  async answerUntil(plan: Plan, stop: (s: Screen) => boolean, onScreen?: (s: Screen) => Promise<void>): Promise<Screen> {
    let s = await this.screen();
    if (s.kind === 'intro') {
      await onScreen?.(s);
      s = await this.start();
    }
    for (let i = 0; i < 200; i++) {
      await onScreen?.(s);
      if (stop(s)) return s;
      if (s.kind !== 'step') throw new Error(`Stuck on the ${s.kind} screen`);
      s = await this.answer(plan);
    }
    throw new Error('The questionnaire did not end');
  }

  /** From the intro (or any step) to the review screen, or the result when the check stops early. */
  async toReview(plan: Plan, onScreen?: (s: Screen) => Promise<void>): Promise<Screen> {
    return this.answerUntil(plan, (s) => s.kind === 'review' || s.kind === 'result', onScreen);
  }

  async toResult(plan: Plan, onScreen?: (s: Screen) => Promise<void>): Promise<Screen> {
    const s = await this.toReview(plan, onScreen);
    if (s.kind === 'result') return s;
    const result = await this.step(() => this.press(this.t.seeResult));
    await onScreen?.(result);
    return result;
  }

  /**
   * The name of the review's "Change" button for a screen: its title, or for a grouped check (or a screen without a
   * title) the short labels of the questions it asked, which default to all of the screen's questions.
   */
  changeButton(screenId: string, asked?: readonly string[]): string {
    const screen = this.rules.screens?.find((x) => x.id === screenId);
    if (!screen) throw new Error(`No screen "${screenId}" in the rules`);
    const labels = (asked ?? screen.questions).map((id) => {
      const q = this.rules.questions.find((x) => x.id === id);
      if (!q) throw new Error(`No question "${id}" in the rules`);
      return this.say(q.short ?? q.text);
    });
    // A long list goes by its first item and how many more (src/ui/review-content.ts).
    const name =
      screen.kind === 'group' || !screen.title
        ? labels.length <= 2
          ? labels.join(', ')
          : this.t.reviewListName(labels[0]!, labels.length - 1)
        : this.say(screen.title);
    return `${this.t.change}: ${name}`;
  }

  /** The urgency label in the result banner, e.g. "Self-care". */
  async urgencyLabel(): Promise<string> {
    const text = ((await this.page.locator('.backcheck__banner-label').textContent()) ?? '').trim();
    return text.replace(this.t.urgencyPrefix, '').trim();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Layout checks and screenshots
// ---------------------------------------------------------------------------------------------------------------

/** How far the page scrolls sideways at the current width (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Elements wider than the viewport, to name the culprit when a page scrolls sideways. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips sideways, an element cannot widen the page.
    const clipped = (el: Node) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: Element, right: number, text = '') =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${text} right=${Math.round(right)}`;
    const boxes = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
      .map((el) => describe(el, el.getBoundingClientRect().right));
    // Text can overflow its box (a long word with no break point) without the box itself being too wide.
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      const parent = node.parentElement;
      if (parent && right > width + 0.5 && !clipped(node)) {
        texts.push(describe(parent, right, ` text "${(node.textContent ?? '').trim().slice(0, 30)}"`));
      }
    }
    return [...boxes, ...texts].slice(0, 8);
  });
}

/**
 * Targets smaller than 24x24 CSS px (WCAG 2.2 2.5.8) among buttons, inputs, labels, selects, summaries and links.
 * Visually hidden elements (1px clip) and links inside running text are not targets of their own.
 */
export async function smallTargets(page: Page, minimum = 24): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, label, select, textarea, summary, a[href]')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath.includes('inset(50%)')) continue;
      // An input inside its own label is covered by the label's target.
      if (el instanceof HTMLInputElement && el.closest('label')) continue;
      if (el instanceof HTMLAnchorElement && style.display === 'inline' && el.parentElement?.tagName === 'P') continue;
      if (rect.width < min - 0.5 || rect.height < min - 0.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} "${name}" ${rect.width.toFixed(1)}x${rect.height.toFixed(1)}`);
      }
    }
    return found;
  }, minimum);
}

/** Full-page screenshots at phone and desktop size, kept as artifacts; the viewport is restored afterwards. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  const files: string[] = [];
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    const file = join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`);
    // A long page (the review's impact report) takes a while to paint whole on a busy 2-core machine: a screenshot is
    // an artifact, not an assertion, so it gets more than Playwright's 10 s before the run calls it a failure.
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 30_000 });
    files.push(file);
  }
  if (before) await page.setViewportSize(before);
  return files;
}
