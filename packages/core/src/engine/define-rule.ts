// Typed helper for rule modules: messageIds are inferred from `meta.messages`.
import type { Rule } from './types.js';

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
