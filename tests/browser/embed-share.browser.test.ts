// share-answers: only when the clinic opts in, the complete event carries the answers and the same answers as a
// FHIR R4 QuestionnaireResponse, valid against the official schema (tests/fhir-schema.ts).
import { expect, it } from 'vitest';
import { fhirSchemaErrors } from '../fhir-schema.ts';
import { ROOT } from '../helpers.ts';
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
