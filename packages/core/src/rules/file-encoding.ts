// file-encoding: a file that is not UTF-8 text (invalid bytes, or saved as UTF-16/32) is reported at its first bad byte
// instead of being read with replacement characters, which --fix would then write back over the user's bytes.
import { defineRule } from '../engine/define-rule.js';

export const fileEncoding = defineRule({
  meta: {
    id: 'file-encoding',
    area: 'yaml',
    description: 'The file must be UTF-8 text; a file with bytes that are not UTF-8 is reported at the first such byte instead of analyzed.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      invalidUtf8: 'The byte "{{byte}}" is not valid UTF-8, and Valohai reads valohai.yaml as UTF-8, so it rejects this file; save the file as UTF-8.',
      foreignEncoding: 'This file is saved as "{{encoding}}", but Valohai reads valohai.yaml as UTF-8 only; save the file as UTF-8.',
    },
  },
  check() {
    // Reported by decodeSource's callers (the CLI, the configuration loader), which read bytes; lint() gets text.
  },
});
