// `npm run rules:schema`: regenerate rules/rules.schema.json after changing src/rules/schema.ts.
import { writeFileSync } from 'node:fs';
import { RULES_SCHEMA_FILE, rulesJsonSchemaText } from '../rules/json-schema.ts';

writeFileSync(RULES_SCHEMA_FILE, rulesJsonSchemaText());
console.log(`wrote ${RULES_SCHEMA_FILE}`);
