// The per-run analysis context: shared analyses are computed once per run and belong to one text and one
// configuration, so a result computed under one configuration is never served under another.
import { describe, expect, it } from 'vitest';
import { createAnalysisContext, createDocument, lint, resolveConfig, type Rule } from '../src/index.js';

const TEXT = '- step:\n    name: train\n    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/train:1.0\n    command: python train.py\n    bogus: 1\n';
const ECR = { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr' };

describe('analysis context', () => {
  it('computes each shared analysis once per context', () => {
    const ctx = createAnalysisContext(createDocument(TEXT), resolveConfig(undefined));
    expect(ctx.schema()).toBe(ctx.schema());
    expect(ctx.images()).toBe(ctx.images());
    expect(ctx.pipelines()).toBe(ctx.pipelines());
    expect(ctx.schema()).toHaveLength(1);
  });

  it('analyzes the images of one parsed document afresh for each configuration', () => {
    const doc = createDocument(TEXT);
    const without = createAnalysisContext(doc, resolveConfig(undefined));
    const withEcr = createAnalysisContext(doc, resolveConfig({ registries: [ECR] }));
    expect(without.images()[0]?.coveredBy).toBeUndefined();
    expect(withEcr.images()[0]?.coveredBy).toMatchObject(ECR);
    // Asking the first context again still gives its own answer.
    expect(without.images()[0]?.coveredBy).toBeUndefined();
  });

  it('gives every rule of a run the same shared results, and returns the context, document and model', () => {
    const seen: unknown[] = [];
    const probe = (id: string): Rule => ({
      meta: { id, area: 'yaml', description: 'probe', defaultSeverity: 'error', fixable: false, hasSuggestions: false, parity: false, messages: {} },
      check: (ctx) => seen.push(ctx.schema(), ctx.images()),
    });
    const result = lint(TEXT, undefined, { extraRules: [probe('probe-a'), probe('probe-b')] });
    expect(seen).toHaveLength(4);
    expect(seen[2]).toBe(seen[0]);
    expect(seen[3]).toBe(seen[1]);
    expect(result.context?.schema()).toBe(seen[0]);
    expect(result.model).toBe(result.context?.model);
    expect(result.document).toBe(result.context?.doc);
  });

  it('reuses a document the caller already parsed from the same text, and parses again when the text differs', () => {
    const doc = createDocument(TEXT);
    expect(lint(TEXT, undefined, { document: doc }).document).toBe(doc);
    expect(lint(`${TEXT}\n`, undefined, { document: doc }).document).not.toBe(doc);
  });
});
