// Maps a valohai-yaml 0.57.0 message (as recorded in the shared corpus EXPECTED.json files) to the places in the
// document it names, so the corpus test can check that valohai-lint reports the same problem at the same place.
import { buildModel, child, itemsOf, type Item, type Span, type ValohaiDocument, type YNode } from '@valohai-lint/core';

export interface Place {
  span: Span;
  what: string;
}

const fullSpan = (n: YNode): Span => ({ start: n.keySpan?.start ?? n.span.start, end: Math.max(n.span.end, n.keySpan?.end ?? 0) });

function named(items: YNode[], name: string): YNode[] {
  return items.filter((n) => child(n, 'name')?.value === name);
}

export function locate(doc: ValohaiDocument, message: string): Place[] | undefined {
  const model = buildModel(doc.root);
  const kindItems = (kind: string): Item[] => model.items.filter((i) => i.kind === kind || (kind === 'pipeline' && i.kind === 'blueprint'));
  const byName = (kind: string, name: string): YNode[] => kindItems(kind).filter((i) => i.name?.value === name).map((i) => i.node);
  const places = (nodes: (YNode | undefined)[], what: string): Place[] => nodes.filter((n): n is YNode => Boolean(n)).map((n) => ({ span: fullSpan(n), what }));
  const pipelineEdges = (name?: string): YNode[] =>
    kindItems('pipeline')
      .filter((i) => name === undefined || i.name?.value === name)
      .map((i) => child(i.body, 'edges'))
      .filter((n): n is YNode => Boolean(n));
  const pipelineNodes = (pipeline: string, node: string): YNode[] => byName('pipeline', pipeline).flatMap((p) => named(itemsOf(child(child(p, 'pipeline') ?? child(p, 'blueprint'), 'nodes')), node));

  let m: RegExpExecArray | null;
  // Schema errors end with the instance path in parentheses.
  if (message.startsWith('  ')) {
    m = /\(([^()]*)\)$/.exec(message);
    if (!m) return undefined;
    if (m[1] === '') return [{ span: { start: 0, end: doc.source.text.length }, what: 'root' }];
    return places([nodeAtDottedPath(doc.root, m[1]!)], `schema path ${m[1]}`);
  }
  if ((m = /^Indentation Error at line (\d+), column (\d+)$/.exec(message))) {
    const offset = doc.source.offsetAt({ line: Number(m[1]) - 1, character: Number(m[2]) - 1 });
    return [{ span: { start: offset, end: offset }, what: `line ${m[1]} column ${m[2]}` }];
  }
  if ((m = /^Duplicate (\w+) name: (.*)\.$/.exec(message))) return places(byName(m[1]!, m[2]!), `${m[1]} "${m[2]}"`);
  if (message.startsWith('No parser for ')) return places(model.items.filter((i) => !i.kind).map((i) => i.node), 'item without a kind');
  if ((m = /^Step "(.+?)", missing "environment"/.exec(message))) return places(byName('step', m[1]!), `step "${m[1]}"`);
  if ((m = /^(Step|Task) (.+?), `stop-condition` is not a valid expression/.exec(message))) {
    const kind = m[1]!.toLowerCase();
    return places(byName(kind, m[2]!).map((n) => child(child(n, kind), 'stop-condition')), `${kind} "${m[2]}" stop-condition`);
  }
  if ((m = /^Step (.+?), parameter (.+?): /.exec(message))) {
    const params = byName('step', m[1]!).flatMap((n) => named(itemsOf(child(child(n, 'step'), 'parameters')), m![2]!));
    return places(params.slice(-1), `step "${m[1]}" parameter "${m[2]}"`);
  }
  if ((m = /^Pipeline (.+) has \d+ nodes with the same name of (.+)$/.exec(message))) return places(pipelineNodes(m[1]!, m[2]!), `pipeline "${m[1]}" nodes "${m[2]}"`);
  if ((m = /^Pipeline "(.+?)" node "(.+?)" (?:step|task) "/.exec(message))) return places(pipelineNodes(m[1]!, m[2]!), `pipeline "${m[1]}" node "${m[2]}"`);
  if (message === 'Deployment has no name') {
    return places(kindItems('pipeline').flatMap((i) => itemsOf(child(i.body, 'nodes')).filter((n) => child(n, 'type')?.value === 'deployment' && !child(n, 'name')?.value)), 'unnamed deployment node');
  }
  if ((m = /^Pipeline (.+) edge (?:source|target) node .+ does not exist$/.exec(message))) return places(pipelineEdges(m[1]!), `pipeline "${m[1]}" edges`);
  if ((m = /^Pipeline (.+) (?:source|target) type .+ \(between .+ and .+\) not valid$/.exec(message))) return places(pipelineEdges(m[1]!), `pipeline "${m[1]}" edges`);
  if ((m = /^Pipeline "(.+?)" parameter "(.+?)"/.exec(message))) {
    const params = byName('pipeline', m[1]!).flatMap((p) => named(itemsOf(child(child(p, 'pipeline') ?? child(p, 'blueprint'), 'parameters')), m![2]!));
    return places(params, `pipeline "${m[1]}" parameter "${m[2]}"`);
  }
  if (/^(Malformed edge shorthand|Source specifier|Target specifier)/.test(message)) return places(pipelineEdges(), 'pipeline edges');
  if (/^"(when|then)" value /.test(message)) {
    return places(kindItems('pipeline').flatMap((i) => itemsOf(child(i.body, 'nodes')).map((n) => child(n, 'actions'))), 'node actions');
  }
  if (message === 'Parameter sets only make sense with manual search' || / only makes sense for Bayesian TPE tasks$/.test(message)) {
    return places(kindItems('task').map((i) => i.node), 'a task');
  }
  if ((m = /^Deployment "(.+?)" has no defaults\.target set/.exec(message))) return places(byName('deployment', m[1]!), `deployment "${m[1]}"`);
  return undefined;
}

/** Where the clean diagnostic for each valohai-yaml crash in the edge cases must be (dotted instance paths). */
export const CRASH_PLACES: Record<string, string[]> = {
  'p04-timelimit-digits-string.yaml': ['0.step.time-limit'],
  'p06-timelimit-badsuffix.yaml': ['0.step.time-limit'],
  'p08-pipeparam-noname.yaml': ['1.pipeline.parameters.0'],
  'p09-pipeparam-missing-step.yaml': ['1.pipeline.nodes.0', '1.pipeline.parameters.0'],
  'p14-deployment-top.yaml': ['2.deployment'],
  'p15-flag-multiple.yaml': ['0.step.parameters.0'],
  'p17-task-and-expr.yaml': ['2.task.type'],
  'p28-timelimit-upper.yaml': ['0.step.time-limit'],
  'p29-timelimit-zero.yaml': ['0.step.no-output-timeout'],
  'p32-task-onchild.yaml': ['1.task.on-child-error'],
  'p40.yaml': ['0.step.time-limit'],
  'p51.yaml': ['1.pipeline.parameters.0.targets'],
};

/**
 * Follows a dotted instance path such as `0.step.resources.devices.nvidia.com/gpu`. Keys may contain dots themselves,
 * so at each mapping the shortest run of parts that names an existing key is taken.
 */
export function nodeAtDottedPath(root: YNode | undefined, dotted: string): YNode | undefined {
  const parts = dotted.split('.');
  let node = root;
  for (let i = 0; i < parts.length && node; ) {
    if (node.kind === 'seq') {
      node = node.items[Number(parts[i])];
      i++;
      continue;
    }
    let found: YNode | undefined;
    let j = i;
    for (; j < parts.length && !found; j++) found = child(node, parts.slice(i, j + 1).join('.'));
    node = found;
    i = j;
  }
  return node;
}

export function placesOfPaths(doc: ValohaiDocument, paths: readonly string[]): Place[] {
  return paths.flatMap((p) => {
    const node = nodeAtDottedPath(doc.root, p);
    return node ? [{ span: fullSpan(node), what: p }] : [];
  });
}
