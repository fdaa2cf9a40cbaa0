// share-answers: only when the clinic opts in, the complete event carries the answers and the same answers as a
// FHIR R4 QuestionnaireResponse, valid against the official schema (the approach of tests/fhir/fhir.test.ts).
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { launchChromium } from './chromium.ts';
import { completeCheck, hostEvents } from './embed-driver.ts';
import { consoleErrors, openPage } from './embed-open.ts';
import { serveEmbedSite, type EmbedSite } from './embed-site.ts';

interface FhirValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}
interface ResponseShape {
  resourceType: string;
  status: string;
  questionnaire: string;
  item?: { item?: { linkId: string }[] }[];
}

let site: EmbedSite;
let browser: Browser;
beforeAll(async () => {
  site = await serveEmbedSite(ROOT);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('with share-answers, the complete event carries the answers and a valid FHIR QuestionnaireResponse', async () => {
  const opened = await openPage(browser, site.url, 'test-pages/share.html');
  const { page } = opened;
  try {
    await completeCheck(page.locator('#check'));
    await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
    const complete = (await hostEvents(page)).find((e) => e.type === 'backcheck:complete');
    const answers = (complete?.detail.answers ?? {}) as Record<string, unknown>;
    expect(Object.keys(answers).length).toBeGreaterThan(3);
    // Step events never carry answers, shared or not.
    for (const step of (await hostEvents(page)).filter((e) => e.type === 'backcheck:step')) {
      expect(Object.keys(step.detail).sort()).toEqual(['questionNumber', 'section']);
    }

    const response = complete?.detail.questionnaireResponse as ResponseShape;
    expect(response).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(response.item?.flatMap((g) => g.item ?? []).map((i) => i.linkId).sort()).toEqual(Object.keys(answers).sort());
    const require = createRequire(import.meta.url);
    const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => FhirValidator;
    expect(new Validator().validate(response, true).slice(0, 5)).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
  } finally {
    await page.close();
  }
});
