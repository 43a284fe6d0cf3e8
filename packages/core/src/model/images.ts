// Every place valohai.yaml names a Docker image: steps, endpoints, and pipeline node overrides (pipelines and blueprints).
import { child, itemsOf, type YNode } from '../document/nodes.js';
import { pipelines, type ValohaiModel } from './model.js';

export interface ImageUse {
  /** The scalar node holding the image string. */
  node: YNode;
  value: string;
  where: 'step' | 'endpoint' | 'override';
  /** What the image belongs to, for messages: `step "train"`, `pipeline "p" node "n"`. */
  owner: string;
}

export function collectImages(model: ValohaiModel): ImageUse[] {
  const uses: ImageUse[] = [];
  const add = (node: YNode | undefined, where: ImageUse['where'], owner: string): void => {
    if (node && typeof node.value === 'string') uses.push({ node, value: node.value, where, owner });
  };
  for (const item of model.items) {
    if (item.kind === 'step') add(child(item.body, 'image'), 'step', `step "${item.name?.value ?? item.index + 1}"`);
    else if (item.kind === 'endpoint') add(child(item.body, 'image'), 'endpoint', `endpoint "${item.name?.value ?? item.index + 1}"`);
  }
  for (const p of pipelines(model)) {
    for (const n of itemsOf(child(p.body, 'nodes'))) {
      const name = child(n, 'name')?.value;
      add(child(child(n, 'override'), 'image'), 'override', `pipeline "${p.name?.value ?? p.index + 1}" node "${typeof name === 'string' ? name : '?'}"`);
    }
  }
  return uses.sort((a, b) => a.node.span.start - b.node.span.start);
}
