// Adding registry patterns to a `.valohai-lint.yaml` is one insertion: every byte already there stays, the result
// loads with the new patterns after the old ones, and text that cannot be edited safely is refused.
import { expect, it } from 'vitest';
import { addRegistries, parseConfig } from '../src/index.js';

const ADD = [{ pattern: 'myregistry.azurecr.io/*', comment: 'Azure Container Registry: step "x" in valohai.yaml' }, { pattern: '*.jfrog.io/*' }];

it.each([
  { what: 'no file yet', text: '', before: [] },
  { what: 'only a comment', text: '# our settings\n', before: [] },
  { what: 'other keys, no registries', text: 'rules:\n  image-tag: off   # noisy\n', before: [] },
  { what: 'a block list followed by comments and keys', text: 'registries:\n  - pattern: docker.io/a/*\n    type: docker-hub   # team\n\n# public images\npublic:\n  - docker.io/library/*\n', before: ['docker.io/a/*'] },
  { what: 'a block list at column 0, no final line break', text: 'registries:\n- pattern: docker.io/a/*\npublic: []', before: ['docker.io/a/*'] },
  { what: 'an empty flow list', text: 'registries: []\n', before: [] },
  { what: 'a flow list', text: 'registries: [{pattern: docker.io/a/*}]  # one\n', before: ['docker.io/a/*'] },
  { what: 'an empty registries key before a comment', text: 'registries:\n# nothing yet\npublic: []\n', before: [] },
  { what: 'an empty registries key at the very end', text: 'registries:', before: [] },
  { what: 'CRLF line ends', text: 'registries:\r\n  - pattern: docker.io/a/*\r\n', before: ['docker.io/a/*'] },
])('$what: inserts once, keeps every byte, and loads with the new patterns', ({ text, before }) => {
  const edit = addRegistries(text, ADD);
  expect(edit).toBeDefined();
  const { span, newText } = edit!;
  expect(span.end).toBe(span.start);
  const result = text.slice(0, span.start) + newText + text.slice(span.end);
  const parsed = parseConfig(result);
  expect(parsed.diagnostics.map((d) => d.message)).toEqual([]);
  expect(parsed.config.registries?.map((r) => r.pattern)).toEqual([...before, 'myregistry.azurecr.io/*', '*.jfrog.io/*']);
  if (text.includes('\r\n')) expect(newText).not.toMatch(/(^|[^\r])\n/);
});

it.each([
  { what: 'YAML syntax errors', text: 'registries:\n  - pattern: [\n' },
  { what: 'a top level that is not a mapping', text: '- pattern: docker.io/a/*\n' },
  { what: 'registries written as null', text: 'registries: ~\n' },
  { what: 'registries that is a string', text: 'registries: docker.io/a/*\n' },
])('refuses $what', ({ text }) => {
  expect(addRegistries(text, ADD)).toBeUndefined();
});

it('adds nothing for nothing', () => {
  expect(addRegistries('', [])).toBeUndefined();
});
