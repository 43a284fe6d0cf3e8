// file-too-large: refuses to analyze absurdly large files, so that editors and CI get an answer in bounded time.
import { defineRule } from '../engine/define-rule.js';

export const fileTooLarge = defineRule({
  meta: {
    id: 'file-too-large',
    area: 'yaml',
    description: 'Files over the size limit (5,000,000 characters by default) are reported instead of analyzed.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      tooLarge: 'This file has {{size}} characters, more than the limit of {{limit}}, so it was not analyzed; a valohai.yaml is rarely over 100 KB.',
      tooLargeBytes: 'This file has {{size}} bytes, far more than the limit of {{limit}} characters, so it was not read; a valohai.yaml is rarely over 100 KB.',
    },
  },
  check() {
    // Reported by the engine before parsing.
  },
});
