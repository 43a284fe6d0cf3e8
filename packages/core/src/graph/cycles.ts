// Finds the edges that lie on a cycle, so a picture can mark them: Valohai runs a pipeline's nodes in edge order, which
// a cycle makes impossible. Tarjan's strongly connected components, iterative so that a huge pipeline cannot overflow
// the stack; linear in nodes plus edges.

/** An edge between two known nodes, by index into the node list. */
export interface IndexedEdge {
  from: number;
  to: number;
}

/** The indices of the edges whose two ends sit in the same strongly connected component (self-loops excluded). */
export function edgesOnCycles(nodeCount: number, edges: readonly IndexedEdge[]): Set<number> {
  const outgoing: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const e of edges) if (e.from !== e.to) outgoing[e.from]?.push(e.to);
  const component = tarjan(nodeCount, outgoing);
  const size = new Map<number, number>();
  for (const c of component) size.set(c, (size.get(c) ?? 0) + 1);
  const onCycle = new Set<number>();
  edges.forEach((e, i) => {
    const c = component[e.from];
    if (e.from !== e.to && c !== undefined && c === component[e.to] && (size.get(c) ?? 0) > 1) onCycle.add(i);
  });
  return onCycle;
}

/** The component number of every node. */
function tarjan(nodeCount: number, outgoing: readonly number[][]): number[] {
  const index = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const component = new Array<number>(nodeCount).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    // Each frame is a node and how many of its successors were already visited.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [v, next] = frame;
      const successors = outgoing[v] ?? [];
      if (next < successors.length) {
        frame[1]++;
        const w = successors[next]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = false;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }
  return component;
}
