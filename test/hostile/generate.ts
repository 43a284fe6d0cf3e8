// Hostile inputs too big to commit, made at test time: each grows with `n`, so tests can check that work grows linearly
// as `n` doubles. README.md lists them with the committed ones.

const STEP = (name: string, image = 'docker.io/library/python:3.12'): string => `- step:\n    name: ${name}\n    image: ${image}\n    command: python train.py\n`;

/** One anchored list and `n` aliases of it, in a flow list: yaml's Alias.resolve scanned the document per alias. */
export function aliasFanOut(n: number): string {
  return `${STEP('train').trimEnd()}\n    environment-variables: &env\n      - name: A\n        default: a\n${Array.from({ length: n }, (_, i) => `${STEP(`s${i}`).trimEnd()}\n    environment-variables: *env\n`).join('')}`;
}

/** `n` mappings, each merging the one before it (`<<: *m0`, `<<: *m1`, …): the merged maps grow quadratically. */
export function mergeChain(n: number): string {
  const lines = ['- step:', '    name: train', '    image: docker.io/library/python:3.12', '    command: python train.py', '    tags:', '      m0: &m0 {k0: v}'];
  for (let i = 1; i < n; i++) lines.push(`      m${i}: &m${i} {<<: *m${i - 1}, k${i}: v}`);
  return `${lines.join('\n')}\n`;
}

/** `n` steps written as one line of JSON (a minified file), each with findings that quote its values. */
export function minifiedSteps(n: number): string {
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ step: { name: `s${i}`, image: 'python', command: 'x', bogus: i } })));
}

/** `n` steps on one line of JSON, each with a syntax error (`,,`): `yaml` reports thousands of errors on that line. */
export function brokenMinifiedSteps(n: number): string {
  return `[${Array.from({ length: n }, (_, i) => `{"step":{"name":"s${i}",,"image":"x"}}`).join(',')}]`;
}

/** `n` steps whose names open a double quote and never close it: `yaml` reports an error for each. */
export function unclosedQuotes(n: number): string {
  return Array.from({ length: n }, (_, i) => `- step:\n    name: "s${i}\n`).join('');
}

/** One step with `n` keys the schema does not know, each a finding that looks for the key written before it. */
export function unknownKeys(n: number): string {
  return `${STEP('train')}${Array.from({ length: n }, (_, i) => `    unknown${i}: x\n`).join('')}`;
}

/** `n` steps and a pipeline whose `n` nodes each name a step that is not there (`stap-i` for `step-i`). */
export function unknownStepNodes(n: number): string {
  const steps = Array.from({ length: n }, (_, i) => STEP(`step-${i}`)).join('');
  const nodes = Array.from({ length: n }, (_, i) => `      - name: n${i}\n        type: execution\n        step: stap-${i}\n`).join('');
  return `${steps}- pipeline:\n    name: p\n    nodes:\n${nodes}    edges: []\n`;
}

/** `n` steps, each with one fix (a short image name qualified): the input of --fix and --fix-dry-run. */
export function fixableSteps(n: number): string {
  return Array.from({ length: n }, (_, i) => STEP(`s${i}`, 'python:3.12')).join('');
}

/** A `.valohai-lint.yaml` with `n` registry patterns on the same registry host, each for its own organization. */
export function registryPatterns(n: number): string {
  return `registries:\n${Array.from({ length: n }, (_, i) => `  - pattern: "docker.io/org${i}/*"\n    type: docker-hub\n`).join('')}`;
}

/** `n` public patterns that all start with a wildcard, so none can be told apart by its prefix: the worst case. */
export function wildcardPatterns(n: number): string {
  return `public:\n${Array.from({ length: n }, (_, i) => `  - "*/org${i}/*"\n`).join('')}`;
}

/** A key `n` characters long, in a step, so that its message would quote all of it. */
export function longKey(n: number): string {
  return `${STEP('train')}    ${'k'.repeat(n)}: 1\n`;
}
