// Where valohai-lint deliberately answers differently from valohai-yaml 0.57.0, each with its reason and its source: one
// list, read by the rules that diverge and by the corpus parity test, so no divergence hides in a special case.
import type { Severity } from '../diagnostic/types.js';
import type { ValohaiDocument } from '../document/document.js';
import { foreignShape } from '../model/model.js';

/** `then` values of node actions that Valohai's documentation lists but valohai-yaml 0.57.0 does not know. */
export const DOCUMENTED_THEN_VALUES: readonly string[] = ['require-approval'];

export interface Divergence {
  id: string;
  /** valohai-yaml's message (as recorded in the shared corpus) that valohai-lint answers differently. */
  upstream: RegExp;
  /** Whether the divergence applies to a document (by default, wherever the message appears). */
  appliesTo?: (doc: ValohaiDocument) => boolean;
  /** The finding of valohai-lint that answers differently (its page explains the divergence). */
  rule: string;
  /** What it reports instead: nothing (null), or a finding of this severity at the place valohai-yaml names. */
  severity: Severity | null;
  /** Why valohai-lint differs. */
  reason: string;
  /** Where the reason is written down. */
  source: string;
}

export const DIVERGENCES: readonly Divergence[] = [
  {
    id: 'then-require-approval',
    upstream: /^"then" value \['require-approval'\] is not well-known; the action might do nothing$/,
    rule: 'node-action-value',
    severity: null,
    reason: 'Valohai documents "require-approval" as a node action that pauses the pipeline until a human approves; valohai-yaml 0.57.0 predates it.',
    source: 'https://docs.valohai.com/pipelines/dynamic-conditions',
  },
  {
    id: 'file-defines-nothing',
    upstream: /^No parser for /,
    appliesTo: (doc) => !doc.hasSyntaxErrors && foreignShape(doc.root)?.shape === 'list',
    rule: 'file-not-valohai',
    severity: 'error',
    reason: 'A file none of whose items Valohai can read defines nothing, so it is not a valohai.yaml (or not yet one); one error says so instead of a warning per item.',
    source: 'docs/rules/file-not-valohai.md',
  },
];

/** The divergence that answers an upstream message on this document, if any. */
export function divergenceFor(message: string, doc: ValohaiDocument): Divergence | undefined {
  return DIVERGENCES.find((d) => d.upstream.test(message) && (d.appliesTo?.(doc) ?? true));
}
