// pipeline-parameter-target: a pipeline parameter target that cannot work: not `NODE.parameter.NAME`, a node that is not
// in the pipeline, a parameter the node's step lacks, or `target` next to `targets`. Several of these crash
// valohai-yaml; here each is one clean error at the target.
import { keyOrValueSpan } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import { itemLabel } from '../model/model.js';
import { declaredNames, onlyReplacedHas, parameterLabel, parseSpecifier, pipelineParameters, stepDefinition, partSuggestions, withPart } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';
import { plural } from '../util/text.js';

export const pipelineParameterTarget = defineRule({
  meta: {
    id: 'pipeline-parameter-target',
    area: 'pipeline',
    description: 'Each pipeline parameter target must be NODE.parameter.NAME naming a node of the pipeline and, for an execution node, a parameter of its step.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      both: 'Pipeline parameter "{{param}}" has both "target" and "targets", which valohai-yaml refuses; move this target into the "targets" list.',
      parts: 'Target "{{target}}" of pipeline parameter "{{param}}" must have the form "NODE.parameter.NAME" (three parts separated by dots), but it has {{count}}.',
      socket: 'Target "{{target}}" of pipeline parameter "{{param}}" has the type "{{type}}", but a pipeline parameter can only set node parameters; write "parameter".',
      node: 'Target "{{target}}" of pipeline parameter "{{param}}" names node "{{node}}", which is not a node of pipeline "{{pipeline}}".{{alternatives}}',
      parameter: 'Step "{{step}}" of node "{{node}}" has no parameter "{{name}}", so pipeline parameter "{{param}}" cannot set it.{{alternatives}}',
      noParameters: 'Step "{{step}}" of node "{{node}}" declares no parameters, so pipeline parameter "{{param}}" cannot set "{{name}}"; declare it in the step first.',
      stepElsewhere: 'Node "{{node}}" runs step "{{step}}" from commit "{{commit}}", which this file does not define, and valohai-yaml fails on a pipeline parameter targeting such a node; also define step "{{step}}" in this file.',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    for (const p of ctx.pipelines()) {
      const nodeNames = [...p.byName.keys()].filter((name) => !name.includes('.'));
      for (const param of pipelineParameters(p)) {
        const label = parameterLabel(param);
        if (param.target && param.targets) ctx.report({ messageId: 'both', data: { param: label }, span: keyOrValueSpan(param.target) });
        for (const targetNode of param.all) {
          // A target that is not a string is the schema's finding.
          const spec = parseSpecifier(source, targetNode);
          if (!spec) continue;
          const [nodePart, typePart, keyPart] = spec.parts;
          if (!nodePart || !typePart || !keyPart) {
            ctx.report({ messageId: 'parts', data: { target: spec.text, param: label, count: plural(spec.parts.length, 'part') }, span: spec.node.span });
            continue;
          }
          const typeOk = typePart.text.startsWith('parameter');
          const node = p.byName.get(nodePart.text);
          if (!typeOk) {
            // "parameter" only helps when the node's step has (or is not known to lack) a parameter of that name.
            const step = node?.type === 'execution' && node.step ? ctx.model.step(node.step.value) : undefined;
            const fits = !step || declaredNames(step, 'parameters').includes(keyPart.text);
            const edit = fits ? replaceScalar(source, spec.node, withPart(spec, 1, 'parameter')) : undefined;
            ctx.report({
              messageId: 'socket',
              data: { target: spec.text, param: label, type: typePart.text },
              span: typePart.span,
              suggestions: edit ? [{ title: `Replace "${typePart.text}" with "parameter"`, edits: [edit] }] : [],
            });
          }
          if (!node) {
            const suggestions = partSuggestions(source, spec, 0, closestMatches(nodePart.text, nodeNames));
            ctx.report({
              messageId: 'node',
              data: { target: spec.text, param: label, node: nodePart.text, pipeline: p.label, alternatives: alternativesText(nodePart.text, nodeNames) },
              span: nodePart.span,
              suggestions,
            });
            continue;
          }
          // valohai-yaml checks the parameter on execution nodes only (even with `commit`); a wrong type is reported above.
          if (!typeOk || node.type !== 'execution' || !node.step) continue;
          const step = ctx.model.step(node.step.value);
          if (!step) {
            // Without `commit`, pipeline-unknown-step reports the node's step; with it, nothing else explains the crash.
            if (node.commit !== undefined) {
              ctx.report({ messageId: 'stepElsewhere', data: { node: nodePart.text, step: node.step.value, commit: node.commit }, span: spec.node.span, related: [{ span: node.step.span, message: `node "${nodePart.text}" names step "${node.step.value}" here` }] });
            }
            continue;
          }
          const declared = declaredNames(step, 'parameters');
          if (declared.includes(keyPart.text) || onlyReplacedHas(ctx.model, step, { kind: 'parameter', name: keyPart.text })) continue;
          const data = { step: itemLabel(step), node: nodePart.text, name: keyPart.text, param: label };
          const related = [stepDefinition(step)];
          if (declared.length === 0) {
            ctx.report({ messageId: 'noParameters', data, span: keyPart.span, related });
            continue;
          }
          const suggestions = partSuggestions(source, spec, 2, closestMatches(keyPart.text, declared));
          ctx.report({ messageId: 'parameter', data: { ...data, alternatives: alternativesText(keyPart.text, declared) }, span: keyPart.span, related, suggestions });
        }
      }
    }
  },
});
