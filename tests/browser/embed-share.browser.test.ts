// share-answers: only when the clinic opts in, the complete event carries the answers and the same answers as a
// FHIR R4 QuestionnaireResponse, valid against the official schema (tests/fhir-schema.ts); with save-progress (on the
// page too), a follow-up's result carries its own response, which names the first one by its identifier.
import { expect, it } from 'vitest';
import { DAY_MS } from '../../src/engine/follow-up.ts';
import { followUpKey } from '../../src/storage/follow-up.ts';
import { progressKey } from '../../src/storage/progress.ts';
import { fhirSchemaErrors } from '../fhir-schema.ts';
import { mainRules, ROOT } from '../helpers.ts';
import { completeCheck, hostEvents } from './embed-driver.ts';
import { consoleErrors, embedSuite } from './embed-open.ts';

interface ResponseItem {
  linkId: string;
  item?: ResponseItem[];
}
interface ResponseShape {
  resourceType: string;
  status: string;
  questionnaire: string;
  identifier?: { system: string; value: string };
  extension?: { url: string; valueReference?: { identifier?: { system: string; value: string } } }[];
  item?: ResponseItem[];
}

const { open } = embedSuite(ROOT);

it('with share-answers, the complete event carries the answers and a valid FHIR QuestionnaireResponse', async () => {
  const opened = await open('test-pages/share.html');
  const { page } = opened;
  try {
    await completeCheck(page.locator('#check'));
    await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
    const complete = (await hostEvents(page)).find((e) => e.type === 'backcheck:complete');
    const answers = (complete?.detail.answers ?? {}) as Record<string, unknown>;
    expect(Object.keys(answers).length).toBeGreaterThan(3);
    // Step events never carry answers, shared or not.
    for (const step of (await hostEvents(page)).filter((e) => e.type === 'backcheck:step')) {
      expect(Object.keys(step.detail).sort()).toEqual(['checkId', 'locale', 'screen', 'section', 'stepNumber']);
    }

    const response = complete?.detail.questionnaireResponse as ResponseShape;
    expect(response).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    // Answers sit in their section, warning signs in their grouped check inside it.
    const leaves = (items: ResponseItem[] | undefined): ResponseItem[] => (items ?? []).flatMap((i) => (i.item ? leaves(i.item) : [i]));
    expect(leaves(response.item).map((i) => i.linkId).sort()).toEqual(Object.keys(answers).sort());
    expect(fhirSchemaErrors(response)).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
  } finally {
    await page.close();
  }
});

it('with share-answers and save-progress, the follow-up\'s response names the first one by its identifier', async () => {
  const rules = mainRules();
  const opened = await open('test-pages/share.html');
  const { page } = opened;
  const check = page.locator('#check');
  try {
    await completeCheck(check);
    await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
    const first = (await hostEvents(page)).find((e) => e.type === 'backcheck:complete')?.detail.questionnaireResponse as ResponseShape;
    expect(first.identifier?.system).toBe('urn:backcheck:questionnaire-response');
    await check.getByRole('button', { name: 'Keep it on this device' }).click();
    // Kept on the device: that id, and nothing from the answers but the pain answers the rules name.
    const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>, followUpKey(rules.meta.id));
    expect(kept.responseId).toBe(first.identifier?.value);

    // Three days later (the stored times moved back; the saved result is no longer offered back), the follow-up.
    await page.evaluate(
      ([key, progress, ms]) => {
        const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as { date: number; dueAt: number };
        localStorage.setItem(key, JSON.stringify({ ...saved, date: saved.date - ms, dueAt: saved.dueAt - ms }));
        localStorage.removeItem(progress);
      },
      [followUpKey(rules.meta.id), progressKey(rules.meta.id), 3 * DAY_MS] as const,
    );
    await page.reload();
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { followUps: unknown[] }).followUps = seen;
      document.addEventListener('backcheck:followup-complete', (e) => seen.push((e as CustomEvent).detail));
    });
    await check.getByRole('button', { name: 'Start the follow-up' }).click();
    await completeCheck(check);
    const followUps = () => page.evaluate(() => (window as unknown as { followUps: Record<string, unknown>[] }).followUps);
    await expect.poll(async () => (await followUps()).length).toBe(1);
    const detail = (await followUps())[0] ?? {};
    expect(detail.outcome).toBeDefined();
    expect(Object.keys(detail.answers as object)).toEqual(expect.arrayContaining(['pain_score', 'pain_trend']));
    const response = detail.questionnaireResponse as ResponseShape;
    expect(response.questionnaire).toBe(`urn:backcheck:questionnaire:${rules.meta.id}:follow-up|${rules.meta.version}`);
    expect(response.identifier?.value).not.toBe(first.identifier?.value);
    expect(response.extension?.[0]?.url).toBe('urn:backcheck:fhir:extension:follow-up-of');
    expect(response.extension?.[0]?.valueReference?.identifier).toEqual(first.identifier);
    expect(fhirSchemaErrors(response)).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
  } finally {
    await page.close();
  }
});
