// Every kind of core finding as an ESLint rule `valohai/<id>`: the metadata comes from the core, and each rule reports
// the core's findings of its id for the file. No check is implemented here.
import type { RuleDefinition } from '@eslint/core';
import { ruleDocsUrl, type RuleMeta } from '@valohai-lint/core';
import { findingKinds } from './finding-kinds.js';
import { RELATED_PLACEHOLDER, toReport } from './report.js';
import type { ValohaiSourceCode } from './source-code.js';

export type ValohaiRule = RuleDefinition<{ LangOptions: Record<string, unknown>; Code: ValohaiSourceCode; RuleOptions: []; Visitor: { Document?: () => void }; Node: unknown; MessageIds: string; ExtRuleDocs: Record<string, unknown> }>;

/** ESLint's severity for a core default: ESLint has no "info" or "hint", so those become warnings. */
export function eslintSeverity(meta: RuleMeta): 'error' | 'warn' {
  return meta.defaultSeverity === 'error' ? 'error' : 'warn';
}

function createRule(meta: RuleMeta): ValohaiRule {
  const messages = Object.fromEntries(Object.entries(meta.messages).map(([id, text]) => [id, `${text}{{${RELATED_PLACEHOLDER}}}`]));
  return {
    meta: {
      type: meta.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: { description: meta.description, url: ruleDocsUrl(meta.id), recommended: true },
      ...(meta.fixable ? { fixable: 'code' as const } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      messages,
      schema: [],
    },
    create(context) {
      const sourceCode = context.sourceCode;
      // Only files of the valohai/yaml language carry the core's analysis; elsewhere the rule has nothing to say.
      const analysis = (sourceCode as Partial<ValohaiSourceCode>).analysis;
      if (!analysis) return {};
      analysis.enable(meta.id);
      return {
        Document() {
          const file = { settings: context.settings, physicalFilename: context.physicalFilename, cwd: context.cwd };
          for (const d of analysis.diagnosticsOf(meta.id, file)) context.report(toReport(d, meta.messages[d.messageId], sourceCode.sourceFile));
        },
      };
    },
  };
}

export function createRules(): Record<string, ValohaiRule> {
  return Object.fromEntries(findingKinds().map((meta) => [meta.id, createRule(meta)]));
}
