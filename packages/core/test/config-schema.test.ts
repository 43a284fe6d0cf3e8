// The shipped JSON Schema of .valohai-lint.yaml (used by editors) and the strict parser (used by the CLI and the
// language server) must agree on what is valid.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import schema from '../src/config/valohai-lint.schema.json' with { type: 'json' };
import { parseConfig, REGISTRY_TYPES } from '../src/index.js';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

it.each([
  { what: 'empty', text: '{}\n' },
  { what: 'full', text: 'rules:\n  image-tag: off\n  yaml-syntax: error\nregistries:\n  - pattern: docker.io/myorg/*\n    type: docker-hub\n    description: token\npublic: [docker.io/library/*]\nignore: [legacy/**]\nmaxFileSize: 1000\n' },
  { what: 'unknown top-level key', text: 'rulez: {}\n' },
  { what: 'bad severity', text: 'rules:\n  image-tag: fatal\n' },
  { what: 'registry without type (inferred from the host)', text: 'registries:\n  - pattern: docker.io/x/*\n' },
  { what: 'registry whose type contradicts its host (a warning, not an error)', text: 'registries:\n  - pattern: docker.io/x/*\n    type: aws-ecr\n' },
  { what: 'registry with only a description', text: 'registries:\n  - description: token\n' },
  { what: 'registry with unknown key', text: 'registries:\n  - pattern: docker.io/x/*\n    type: docker-hub\n    token: x\n' },
  { what: 'unknown registry type', text: 'registries:\n  - pattern: docker.io/x/*\n    type: quay\n' },
  { what: 'empty pattern', text: 'registries:\n  - pattern: ""\n    type: docker-hub\n' },
  { what: 'public not a list', text: 'public: docker.io/library/*\n' },
  { what: 'maxFileSize not positive', text: 'maxFileSize: 0\n' },
  { what: 'maxFileSize not an integer', text: 'maxFileSize: 1.5\n' },
])('$what: the parser and the JSON Schema agree', ({ text }) => {
  const byParser = parseConfig(text).diagnostics.filter((d) => d.ruleId === 'config-invalid').length === 0;
  const bySchema = validate(parse(text));
  expect(byParser).toBe(bySchema);
});

it('the schema lists exactly the registry types the parser accepts, and requires only the pattern', () => {
  expect(schema.properties.registries.items.properties.type.enum).toEqual([...REGISTRY_TYPES]);
  expect(schema.properties.registries.items.required).toEqual(['pattern']);
});
