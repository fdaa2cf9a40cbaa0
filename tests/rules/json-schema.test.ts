// The JSON Schema editors read is generated from the zod schema and must not go stale.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rulesJsonSchema, rulesJsonSchemaText } from '../../src/rules/json-schema.ts';
import { MAIN_RULES_FILE, ROOT } from '../helpers.ts';

describe('rules/rules.schema.json', () => {
  it('is what `npm run rules:schema` generates from src/rules/schema.ts (run it after changing the schema)', () => {
    expect(readFileSync(`${ROOT}rules/rules.schema.json`, 'utf8')).toBe(rulesJsonSchemaText());
  });

  it('is the schema the rules file points the YAML language server at', () => {
    expect(readFileSync(MAIN_RULES_FILE, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./rules.schema.json');
  });

  it('accepts the real rules and underlines a misspelt field, as an editor would', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(rulesJsonSchema());
    const data = parse(readFileSync(MAIN_RULES_FILE, 'utf8')) as { meta: Record<string, unknown> };
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    data.meta.signof = { by: 'Dr A', on: '2026-12-01' };
    expect(validate(data)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/meta' && e.keyword === 'additionalProperties')).toBe(true);
  });
});
