// Validates SARIF logs against the SARIF 2.1.0 JSON Schema (draft-04; the copy @microsoft/jest-sarif ships, which is
// the closest an npm package has to the OASIS file), with the ajv options that schema needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
// CommonJS modules whose export is also their `default` property, which is what TypeScript sees under NodeNext.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export interface SarifValidation {
  valid: boolean;
  errors: string;
}

export function sarifValidator(): (log: unknown) => SarifValidation {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new AjvDraft04({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => {
    const valid = validate(log);
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  };
}
