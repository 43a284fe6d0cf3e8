// ESLint's own comments written as YAML comments: `# eslint-disable…` / `# eslint-enable` directives and `# eslint
// valohai/<id>: off` rule configuration. valohai-lint's `# valohai-lint-disable…` comments never match here (they do
// not start with "eslint"), so each comment is read by exactly one of the two systems and nothing is reported twice.
import type { FileProblem, RulesConfig } from '@eslint/core';
import { ConfigCommentParser, Directive } from '@eslint/plugin-kit';
import type { CommentNode } from './nodes.js';

const parser = new ConfigCommentParser();
const DISABLE_TYPES = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

/** The comments that are ESLint directives or configuration (what `noInlineConfig` turns off). */
export function inlineConfigComments(comments: readonly CommentNode[]): CommentNode[] {
  return comments.filter((c) => {
    const label = parser.parseDirective(c.value)?.label;
    return label !== undefined && (DISABLE_TYPES.has(label) || label === 'eslint');
  });
}

export function disableDirectives(comments: readonly CommentNode[]): { problems: FileProblem[]; directives: Directive[] } {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsed = parser.parseDirective(comment.value);
    if (!parsed || !DISABLE_TYPES.has(parsed.label)) continue;
    const type = parsed.label.slice('eslint-'.length) as 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
    directives.push(new Directive({ type, node: comment, value: parsed.value, justification: parsed.justification }));
  }
  // A `#` comment never spans lines, so ESLint's "disable-line over several lines" problem cannot arise.
  return { problems: [], directives };
}

export function inlineRuleConfigs(comments: readonly CommentNode[]): { configs: { config: { rules: RulesConfig }; loc: CommentNode['loc'] }[]; problems: FileProblem[] } {
  const configs: { config: { rules: RulesConfig }; loc: CommentNode['loc'] }[] = [];
  const problems: FileProblem[] = [];
  for (const comment of comments) {
    const parsed = parser.parseDirective(comment.value);
    if (parsed?.label !== 'eslint') continue;
    const result = parser.parseJSONLikeConfig(parsed.value);
    if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
    else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
  }
  return { configs, problems };
}
