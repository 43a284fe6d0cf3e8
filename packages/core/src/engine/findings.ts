// Findings the engine reports itself, around the rules rather than from one: a rule that crashed, a file too large to
// analyze, and suppression comments that are malformed or suppress nothing.
import { declareFinding } from '../diagnostic/create.js';

/** internal-error: a rule failed on this input; reported instead of crashing, so the other findings still arrive. */
export const internalError = declareFinding({
  reportedBy: 'engine',
  meta: {
    id: 'internal-error',
    area: 'yaml',
    description: 'A check of valohai-lint itself failed on this file; the other checks still ran.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: { crashed: 'valohai-lint failed while running the rule "{{rule}}" ({{message}}); please report this with the file.' },
  },
});

/** file-too-large: absurdly large files are refused, so that editors and CI get an answer in bounded time. */
export const fileTooLarge = declareFinding({
  reportedBy: 'engine',
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
});

/**
 * file-encoding: a file that is not UTF-8 text (invalid bytes, or saved as UTF-16/32) is reported at its first bad byte
 * instead of being read with replacement characters, which --fix would then write back over the user's bytes. Reported
 * by the callers of decodeSource (the CLI, the configuration loader), which read bytes; lint() gets text.
 */
export const fileEncoding = declareFinding({
  reportedBy: 'engine',
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
});

/** suppression-malformed: a suppression comment that names no known directive or rule suppresses nothing it meant to. */
export const suppressionMalformed = declareFinding({
  reportedBy: 'engine',
  meta: {
    id: 'suppression-malformed',
    area: 'suppression',
    description: 'Suppression comments must use a known directive and known rule ids.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      unknownDirective: '"{{text}}" is not a valohai-lint directive; use "valohai-lint-disable-next-line" or "valohai-lint-disable".',
      unknownRule: '"{{text}}" is not a valohai-lint rule id; run "valohai-lint --list-rules" to see them.',
    },
  },
});

/** suppression-unused: a suppression that hides nothing is stale and would hide a future, unrelated finding. */
export const suppressionUnused = declareFinding({
  reportedBy: 'engine',
  meta: {
    id: 'suppression-unused',
    area: 'suppression',
    description: 'Suppression comments must suppress something.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: {
      unused: 'This suppression of {{rules}} suppresses nothing; remove it.',
      unusedAll: 'This suppression suppresses nothing; remove it.',
      unusedRule: 'The rule "{{rule}}" is suppressed here but reports nothing; remove it from the list.',
    },
  },
});

/**
 * file-not-valohai: a file none of whose items Valohai can read (a CI workflow, a `steps:` list of another tool) defines
 * nothing; one error says so, and no rule runs on it, because every other finding would be noise about a foreign format.
 */
export const fileNotValohai = declareFinding({
  reportedBy: 'engine',
  meta: {
    id: 'file-not-valohai',
    area: 'structure',
    description: 'A file must define at least one step, pipeline, endpoint, task or deployment; one that defines nothing is not a valohai.yaml.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      list: 'This file defines nothing for Valohai: its items start with {{keys}}, and Valohai reads only items that start with "step", "pipeline", "endpoint", "task" or "deployment", so this is probably not a valohai.yaml.',
      mapping: 'This file is probably not a valohai.yaml: it is a mapping of {{keys}}, but a valohai.yaml is a list of items that start with "step", "pipeline", "endpoint", "task" or "deployment".',
    },
  },
});
