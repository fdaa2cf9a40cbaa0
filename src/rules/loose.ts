// A forgiving reading of a rules file, used only to find cross-reference problems (unknown ids, duplicates) in a
// file that also has other problems. zod skips an object's refinements when its fields already failed, so without
// this a clinician fixing a typo would only then learn about an unknown question id: one round trip per problem.
// Items too broken to read are left out; their own problems are reported by the strict schema.
import { z } from 'zod';
import { ConditionSchema, crossReferenceIssues, type CrossReferenceIssue, type RulesShape } from './schema.ts';

const LooseRef = z.object({ id: z.string() });
const LooseRule = z.object({ id: z.string(), when: ConditionSchema });
const LooseQuestion = z.union([
  z.object({
    id: z.string(),
    section: z.string(),
    short: z.unknown().optional(),
    check: z.unknown().optional(),
    type: z.enum(['single', 'multi']),
    options: z.array(z.object({ id: z.string(), kind: z.string().optional().catch(undefined) })),
    // A malformed showIf is reported by the strict schema; here it must not hide the question's id.
    showIf: ConditionSchema.optional().catch(undefined),
  }),
  z.object({
    id: z.string(),
    section: z.string(),
    short: z.unknown().optional(),
    check: z.unknown().optional(),
    type: z.literal('scale'),
    min: z.number(),
    max: z.number(),
    showIf: ConditionSchema.optional().catch(undefined),
  }),
]);
const LooseScreen = z.object({
  id: z.string(),
  kind: z.string().optional().catch(undefined),
  title: z.unknown().optional(),
  facts: z.boolean().optional().catch(undefined),
  questions: z.array(z.string()),
});
const LooseCause = z.object({
  id: z.string(),
  thresholds: z.object({ likely: z.number(), possible: z.number() }).catch({ likely: 0, possible: 0 }),
  evidence: z.array(z.unknown()).catch([]),
});

/** The readable items of a list, with each item's index in the file. */
function salvage<T>(raw: unknown, schema: z.ZodType<T>): { items: T[]; at: number[] } {
  const items: T[] = [];
  const at: number[] = [];
  if (!Array.isArray(raw)) return { items, at };
  raw.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      items.push(parsed.data);
      at.push(i);
    }
  });
  return { items, at };
}

export function looseCrossReferenceIssues(raw: unknown): CrossReferenceIssue[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const file = raw as Record<string, unknown>;
  const sections = salvage(file.sections, LooseRef);
  const questions = salvage(file.questions, LooseQuestion);
  const redFlags = salvage(file.redFlags, LooseRule);
  const consultSigns = salvage(file.consultSigns, LooseRule);
  const scopeExits = salvage(file.scopeExits, LooseRule);
  const advice = salvage(file.advice, LooseRule);
  const causes = salvage(file.causes, LooseCause);
  const screens = salvage(file.screens, LooseScreen);
  const evidence = causes.items.map((c) => salvage(c.evidence, LooseRule));
  const shape: RulesShape = {
    sections: sections.items,
    questions: questions.items,
    redFlags: redFlags.items,
    consultSigns: consultSigns.items,
    scopeExits: scopeExits.items,
    advice: advice.items,
    causes: causes.items.map((c, i) => ({ ...c, evidence: evidence[i]?.items ?? [] })),
    ...(file.screens === undefined ? {} : { screens: screens.items }),
  };
  // Ids of items left out still exist in the file: a reference to them is not "unknown".
  const unreadable = new Set(
    Array.isArray(file.questions)
      ? (file.questions as unknown[])
          .filter((_, i) => !questions.at.includes(i))
          .map((q) => (typeof q === 'object' && q !== null ? (q as { id?: unknown }).id : undefined))
          .filter((id): id is string => typeof id === 'string')
      : [],
  );
  const lists: Record<string, number[]> = {
    sections: sections.at,
    questions: questions.at,
    redFlags: redFlags.at,
    consultSigns: consultSigns.at,
    scopeExits: scopeExits.at,
    advice: advice.at,
    causes: causes.at,
    screens: screens.at,
  };
  return crossReferenceIssues(shape)
    .filter((issue) => {
      const unknown = /^unknown question "([^"]*)"/.exec(issue.message)?.[1];
      return unknown === undefined || !unreadable.has(unknown);
    })
    .map((issue) => {
      const [list, index, ...rest] = issue.path;
      if (typeof list !== 'string' || typeof index !== 'number') return issue;
      const fileIndex = lists[list]?.[index] ?? index;
      if (list === 'causes' && rest[0] === 'evidence' && typeof rest[1] === 'number') {
        const evidenceIndex = evidence[index]?.at[rest[1]] ?? rest[1];
        return { ...issue, path: [list, fileIndex, 'evidence', evidenceIndex, ...rest.slice(2)] };
      }
      return { ...issue, path: [list, fileIndex, ...rest] };
    });
}
