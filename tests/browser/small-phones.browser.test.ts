// Issue #16 in real Chromium, at 320x568 and 360x740, in English and Spanish: a calm, a consult, an urgent and an
// emergency person; the top card's words and position, the call button's number by region, axe at zero, the
// summary for the professional (its header, the checklist as shown, the copied text's length); a grouped check's
// answers above the sticky bar; each screen opening at its top with focus on its heading; Continue with questions
// left; Start above the fold; Back and reload on the result.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countWords } from '../../src/engine/burden.ts';
import { describeAnswer } from '../../src/engine/because.ts';
import type { Urgency } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import { asks, browserSuite, CALM, CheckPage, EMERGENCY, planAnswer, URGENT, type Plan, type TestPage } from './pages.ts';

const rules = mainRules();
const suite = browserSuite();
const SMALL = { width: 320, height: 568 } as const;
const PHONE = { width: 360, height: 740 } as const;
const LOCALES = [
  ['en', 'en-GB', '999'],
  ['es', 'es-ES', '112'],
] as const;

const PEOPLE: readonly [string, Plan, Urgency][] = [
  ['calm', CALM, 'self-care'],
  // Pain that has stopped them training: a consult sign in rules 2.0 and 2.1 alike.
  ['consult', { ...CALM, pain_recurring: 'stopped_training' }, 'consult'],
  ['urgent', { ...URGENT, rf_blood_thinners: 'no' }, 'urgent'],
  ['emergency', EMERGENCY, 'emergency'],
];

/** Where the top card is, and what it says, at the current viewport (from the top of the page). */
async function topCard(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.locator('[part="top-card"]').evaluate((card) => {
    const r = card.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, text: (card as HTMLElement).innerText, viewport: window.innerHeight };
  });
}

async function openEverySection(page: Page): Promise<void> {
  const closed = page.locator('button.backcheck__disclosure-button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}

async function copiedText(tp: TestPage, check: CheckPage): Promise<string> {
  await tp.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
  await tp.page.getByRole('button', { name: check.t.copy }).click();
  await tp.page.getByRole('status').filter({ hasText: check.t.copied }).waitFor();
  return tp.page.evaluate(() => navigator.clipboard.readText());
}

describe('the result: a top card read in ten seconds, a summary a professional trusts', () => {
  for (const [locale, browserLocale, number] of LOCALES) {
    it.each(PEOPLE)(`%s, in ${locale}`, async (name, plan, urgency) => {
      const tp = await suite.open({ locale: browserLocale, viewport: PHONE });
      const check = new CheckPage(tp.page, rules, locale);
      await check.goto(suite.url);
      expect(await check.toResult(plan)).toMatchObject({ kind: 'result' });
      expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel[urgency]);
      const texts = rules.results.urgency[urgency];
      const say = (t: Parameters<CheckPage['say']>[0]) => check.say(t).replaceAll('{number}', number);

      for (const size of [SMALL, PHONE]) {
        await tp.page.setViewportSize(size);
        const card = await topCard(tp.page);
        const words = card.text.replace(/\s+/g, ' ');
        // The card, as the rules say it: what to do now, when to see someone, when to call instead.
        for (const line of [texts.title, texts.action, texts.consult, ...(texts.callIf ? [texts.callIf] : [])]) expect(words).toContain(say(line));
        expect(countWords(card.text), `top card words at ${size.width}x${size.height}`).toBeLessThanOrEqual(60);
        // Above the fold with the banner at 360x740; at 320x568 at least the banner and what to do now.
        if (size === PHONE) expect(card.bottom, `the top card's bottom at ${size.width}x${size.height}`).toBeLessThanOrEqual(card.viewport);
        const action = await tp.page.locator('.backcheck__action').evaluate((el) => el.getBoundingClientRect().bottom);
        expect(action).toBeLessThanOrEqual(size.height);
      }
      // An emergency: a large button that calls the number for the region, and no clinic buttons.
      if (urgency === 'emergency') {
        const call = tp.page.getByRole('link', { name: check.t.callEmergency(number) });
        expect(await call.getAttribute('href')).toBe(`tel:${number}`);
        const box = await call.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
        expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      }
      // On a self-care result the call-now list is calm: closed like the sections around it.
      if (urgency === 'self-care') {
        expect(await tp.page.getByRole('button', { name: check.t.safetyTitle }).getAttribute('aria-expanded')).toBe('false');
      }

      // The summary for the professional, as printed: the header first, then the checklist as the person saw it.
      await tp.page.emulateMedia({ media: 'print' });
      const printed = (await tp.page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
      await tp.page.emulateMedia({ media: 'screen' });
      expect(printed.startsWith(check.t.summaryHeading)).toBe(true);
      expect(printed).toContain(`${check.t.summaryName}: ${check.t.summaryBirth}:`);
      expect(printed).toContain(check.t.summaryRules(rules.meta.version, null));
      expect(printed).toContain(check.t.summaryUrgency(check.t.urgencyLabel[urgency]));
      const short = (id: string) => check.say(rules.questions.find((q) => q.id === id)!.short!);
      if (urgency !== 'emergency') {
        // Score, onset and duration: asked on urgent results too, for the doctor.
        for (const id of ['pain_score', 'pain_onset', 'pain_duration'] as const) {
          const value = plan[id] ?? (id === 'pain_score' ? 0 : undefined);
          expect(printed).toContain(`${short(id)}: ${describeAnswer(rules, id, value!, locale)}`);
        }
      }
      // The grouped checks' items, in the words on screen, and the sign answered Yes named as such.
      const firstGroup = rules.screens![0]!.questions;
      const shownNo = firstGroup.filter((id) => plan[id] !== 'yes').map(short);
      expect(printed).toContain(check.t.summaryNoneOf(shownNo.join('; ')).split(';')[0]);
      const yes = firstGroup.filter((id) => plan[id] === 'yes').map(short);
      // What was found comes first, straight after "Screened with a checklist".
      if (yes.length > 0) expect(printed).toContain(`${check.t.summaryChecklist}. ${check.t.summaryYesTo(yes.join('; '))}`);
      else expect(printed).toContain(`${check.t.summaryChecklist}. ${check.t.summaryNoneOf(shownNo.join('; ')).split(';')[0]}`);
      // Copied as text: the same summary; everything but the list of signs answered No under 200 words, and no
      // line said twice.
      const copied = await copiedText(tp, check);
      expect(copied.split('\n')[0]).toBe(check.t.summaryHeading);
      const noTo = copied.indexOf(`. ${check.t.summaryNoneOf('')}`);
      const findings = noTo < 0 ? copied : copied.slice(0, noTo) + copied.slice(copied.indexOf('\n', noTo));
      expect(countWords(findings), copied).toBeLessThan(200);
      const lines = copied.split('\n').filter((l) => l.trim() !== '');
      expect(new Set(lines).size, copied).toBe(lines.length);

      await openEverySection(tp.page);
      for (const size of [SMALL, PHONE]) {
        await tp.page.setViewportSize(size);
        expect(await axeViolations(tp.page), `axe at ${size.width}x${size.height}`).toEqual([]);
      }
      void name;
    });
  }

  it.each([
    ['en-GB', 'United Kingdom', '999'],
    ['en-US', 'United States', '911'],
    ['en-AU', 'Australia', '000'],
  ])('the emergency result in a %s browser calls %s (%s), named on the intro too, and can be changed', async (tag, country, number) => {
    const tp = await suite.open({ locale: tag, viewport: PHONE });
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    expect(await tp.page.locator('.backcheck__intro').innerText()).toContain(check.t.introEmergency(number));
    await check.toResult(EMERGENCY);
    expect(await tp.page.getByRole('link', { name: check.t.callEmergency(number) }).getAttribute('href')).toBe(`tel:${number}`);
    expect(await tp.page.locator('[part="top-card"]').innerText()).toContain(check.t.emergencyNumberFor(country, number));
    await tp.page.getByRole('button', { name: check.t.changeRegionName }).click();
    await tp.page.getByRole('combobox', { name: check.t.regionLabel }).selectOption('NZ');
    expect(await tp.page.getByRole('link', { name: check.t.callEmergency('111') }).getAttribute('href')).toBe('tel:111');
  });
});

describe('small phones', () => {
  it.each(LOCALES)('at 320x568 every answer of every grouped check is above the sticky Continue bar (%s)', async (locale, browserLocale) => {
    const tp = await suite.open({ locale: browserLocale, viewport: SMALL });
    const check = new CheckPage(tp.page, rules, locale);
    await check.goto(suite.url);
    await check.start();
    // Every grouped check of the calm path, and the maternity one.
    const plan: Plan = { ...CALM, pregnancy: 'pregnant' };
    const measured: string[] = [];
    await check.answerUntil(plan, (s) => s.kind !== 'step', async (s) => {
      if (s.kind !== 'step' || s.step.kind !== 'group') return;
      const layout = await tp.page.evaluate(() => {
        const bar = document.querySelector('.backcheck__question .backcheck__actions')!.getBoundingClientRect();
        const answers = [...document.querySelectorAll('form[data-step] .backcheck__choice')].map((el) => el.getBoundingClientRect().bottom);
        return { barTop: bar.top, lowest: Math.max(...answers), scrollY: window.scrollY };
      });
      measured.push(s.step.key);
      expect(layout.scrollY, `${s.step.key} opens at its top`).toBe(0);
      expect(layout.lowest, `${s.step.key}: the answers' bottom against the bar's top`).toBeLessThanOrEqual(layout.barTop + 0.5);
    });
    expect(measured).toEqual(expect.arrayContaining([...rules.screens!.filter((s) => s.kind === 'group').map((s) => s.id)]));
  });

  it.each([SMALL, PHONE])('each screen opens at its top with focus on its heading (%o)', async (size) => {
    const tp = await suite.open({ viewport: size });
    const check = new CheckPage(tp.page, rules, 'en', 'keyboard');
    await check.goto(suite.url);
    const seen: string[] = [];
    await check.toResult(CALM, async (s) => {
      if (s.kind === 'intro') return;
      const where = await tp.page.evaluate(() => ({
        scrollY: window.scrollY,
        focused: document.activeElement?.tagName ?? '',
        heading: document.activeElement?.classList.contains('backcheck__heading') ?? false,
      }));
      seen.push(s.kind === 'step' ? s.step.key : s.kind);
      expect(where, `${seen.at(-1)}`).toEqual({ scrollY: 0, focused: 'H1', heading: true });
    });
    expect(seen).toEqual(expect.arrayContaining(['review', 'result', 'pain_more']));
  });

  it.each([SMALL, PHONE, { width: 320, height: 256 }])('Continue with questions left on a screen of several goes to the first one left and says how many (%o)', async (size) => {
    const tp = await suite.open({ viewport: size });
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await check.answerUntil(CALM, (s) => asks(s, 'pain_recurring'));
    const step = await check.currentStep();
    // Answer only the first question, then Continue: the others may be below the fold, never seen.
    const first = step.questions[0]!;
    const value = planAnswer(CALM, first);
    await check.pick(`form[data-step="${step.key}"] [data-question="${first.id}"]`, new Set((Array.isArray(value) ? value : [value]).map(String)), first.type === 'multi', first.id);
    await check.press(check.t.continue);
    const left = step.questions.length - 1;
    await expect.poll(() => tp.page.getByRole('status').filter({ hasText: /still need|still needs/ }).count()).toBe(1);
    expect(await tp.page.getByRole('alert').count()).toBe(0);
    const second = step.questions[1]!;
    // Focus moves once the screen has been drawn with its status (an effect after the frame).
    await expect.poll(async () => (await check.focused()).question).toBe(second.id);
    // The question moved to is in view, above the sticky bar.
    const place = await tp.page.evaluate((id) => {
      const group = document.querySelector(`[data-question="${id}"]`)!.getBoundingClientRect();
      const barBox = document.querySelector('.backcheck__question .backcheck__actions')!;
      const bar = barBox.getBoundingClientRect();
      const focused = (document.activeElement as HTMLElement).getBoundingClientRect();
      const visibleTo = Math.min(innerHeight, getComputedStyle(barBox).position === 'sticky' ? bar.top : Infinity);
      return { top: group.top, barTop: bar.top, focusedTop: focused.top, focusedBottom: focused.bottom, visibleTo };
    }, second.id);
    // The control focus was moved to is on screen and clear of the bar, at 400% zoom (320 x 256) too.
    expect(place.focusedTop, JSON.stringify(place)).toBeGreaterThanOrEqual(0);
    expect(place.focusedBottom, JSON.stringify(place)).toBeLessThanOrEqual(place.visibleTo);
    if (size.height >= 500) {
      expect(place.top).toBeGreaterThanOrEqual(-1);
      expect(place.top).toBeLessThan(place.barTop);
    }
    expect(await tp.page.getByRole('status').filter({ hasText: /still need/ }).textContent()).toContain(String(left));
  });

  it('the intro has one title, and Start above the fold at 320x568', async () => {
    const tp = await suite.open({ viewport: SMALL });
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    expect(await tp.page.getByText(check.say(rules.meta.title), { exact: true }).count()).toBe(1);
    const start = await tp.page.getByRole('button', { name: check.t.start }).boundingBox();
    expect(start!.y + start!.height).toBeLessThanOrEqual(SMALL.height);
  });
});

describe('the result in the browser history', () => {
  it("the browser's Back from the result returns to the review; a reload of the result shows the result", async () => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await check.toResult(CALM);
    await tp.page.reload({ waitUntil: 'networkidle' });
    await tp.page.locator('[part="top-card"]').waitFor();
    expect((await check.screen()).kind).toBe('result');
    const back = await check.step(async () => void (await tp.page.goBack()));
    expect(back.kind).toBe('review');
  });
});
