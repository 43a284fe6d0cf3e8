// pipeline-edge-key: an edge names an input or parameter (`NODE.input.KEY`, `NODE.parameter.KEY`) that the execution
// node's step does not declare, so the edge connects to nothing. valohai-yaml does not check this. Outputs are never
// declared reliably, and wildcard keys match by pattern, so neither is checked.
import { defineRule } from '../engine/define-rule.js';
import { itemLabel } from '../model/model.js';
import { declaredNames, edgesOf, onlyReplacedHas, parseSpecifier, specifierTexts, stepDefinition, partSuggestions, type PipelineView } from '../model/pipelines.js';
import type { YNode } from '../document/nodes.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

const CHECKED = { input: 'inputs', parameter: 'parameters' } as const;
const SIDES = ['source', 'target'] as const;

/** An edge end naming an input or parameter of an execution node with a step of this file's: what is checked. */
interface KeyUse {
  end: YNode;
  side: (typeof SIDES)[number];
  nodeName: string;
  type: keyof typeof CHECKED;
  key: string;
  stepName: string;
}

/**
 * The edge ends of a pipeline worth checking, in file order, found once per view: a view lives as long as its item
 * (see pipelineViews), so typing elsewhere in a file finds them again without reading the pipeline's edges.
 */
const usesByView = new WeakMap<PipelineView, KeyUse[]>();

function keyUses(p: PipelineView): KeyUse[] {
  let uses = usesByView.get(p);
  if (uses) return uses;
  uses = [];
  for (const edge of edgesOf(p)) {
    for (const side of SIDES) {
      const end = edge[side];
      const value = end?.value;
      if (!end || typeof value !== 'string') continue;
      const [nodeName, type, key] = specifierTexts(value);
      if (nodeName === undefined || key === undefined || (type !== 'input' && type !== 'parameter')) continue;
      if (/[*?]/.test(key)) continue;
      // A repeated node name leaves open which node is meant (pipeline-duplicate-node reports it).
      const node = p.repeated.has(nodeName) ? undefined : p.byName.get(nodeName);
      // Only execution nodes whose step this file defines; `commit` takes the step from elsewhere.
      if (!node || node.type !== 'execution' || !node.step || node.commit !== undefined) continue;
      uses.push({ end, side, nodeName, type, key, stepName: node.step.value });
    }
  }
  usesByView.set(p, uses);
  return uses;
}

export const pipelineEdgeKey = defineRule({
  meta: {
    id: 'pipeline-edge-key',
    area: 'pipeline',
    description: 'An edge\'s input or parameter name should be declared by the step of the execution node it names.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      missing: 'Step "{{step}}" of node "{{node}}" has no {{type}} "{{key}}", so this edge {{side}} connects to nothing.{{alternatives}}',
      none: 'Step "{{step}}" of node "{{node}}" declares no {{type}}s, so this edge {{side}} "{{key}}" connects to nothing; declare it in the step.',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    for (const p of ctx.pipelines()) {
      for (const { end, side, nodeName, type, key, stepName } of keyUses(p)) {
        const step = ctx.model.step(stepName);
        if (!step) continue;
        const declared = declaredNames(step, CHECKED[type]);
        if (declared.includes(key) || onlyReplacedHas(ctx.model, step, { kind: type, name: key })) continue;
        // The parts' places in the source are worked out only for an edge that is reported.
        const spec = parseSpecifier(source, end);
        const keyPart = spec?.parts[2];
        if (!spec || !keyPart) continue;
        const data = { step: itemLabel(step), node: nodeName, type, key, side };
        const related = [stepDefinition(step)];
        if (declared.length === 0) {
          ctx.report({ messageId: 'none', data, span: keyPart.span, related });
          continue;
        }
        const suggestions = partSuggestions(source, spec, 2, closestMatches(keyPart.text, declared));
        ctx.report({ messageId: 'missing', data: { ...data, alternatives: alternativesText(keyPart.text, declared) }, span: keyPart.span, related, suggestions });
      }
    }
  },
});
