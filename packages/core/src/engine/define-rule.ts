// Typed helper for rule modules: messageIds are inferred from `meta.messages`.
import type { Rule, RuleContext, RuleMeta } from './types.js';

export function defineRule<M extends string>(rule: { meta: RuleMeta<M>; check(context: RuleContext<M>): void }): Rule<M> {
  return rule;
}

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data?.[name];
    return value === undefined ? whole : String(value);
  });
}
