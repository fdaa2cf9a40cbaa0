// The JSON Schema of a rules file, generated from the zod schema so the two can never disagree. Editors that run
// the YAML language server read it (`# yaml-language-server: $schema=./rules.schema.json` at the top of a rules
// file) to autocomplete field names and underline mistakes while a clinician types.
import { z } from 'zod';
import { RulesSchema } from './schema.ts';

export const RULES_SCHEMA_FILE = 'rules/rules.schema.json';

export function rulesJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes the file as written (option `kind` may be left out), not the parsed result.
  // Draft 7 is what the YAML language server understands best.
  const schema = z.toJSONSchema(RulesSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'backcheck rules file',
    description:
      'Generated from src/rules/schema.ts by `npm run rules:schema`; do not edit by hand. Cross-references (unknown ids, duplicates) are checked by `npm run rules:check`.',
  };
}

/** The file's exact text, so a test can compare it byte for byte with what is committed. */
export function rulesJsonSchemaText(): string {
  return `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`;
}
