// The core's import graph: no cycle between files, none between folders, and every import goes down the layers of
// packages/core/layers.json (eslint.config.js flags a wrong import as it is typed; this test checks the whole graph).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const LAYERS = (JSON.parse(readFileSync(join(import.meta.dirname, '../layers.json'), 'utf8')) as { layers: string[][] }).layers;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every relative import, type-only imports and re-exports included, as repository-relative `.ts` paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(SRC, resolve(dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** The folder of a module (its first path part), or the file name for root-level modules. */
const unitOf = (path: string): string => path.split('/')[0]!;

/** Strongly connected components with more than one member (Tarjan), i.e. the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = importGraph();

describe('the core import graph', () => {
  it('reads the whole source tree', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('index.ts')?.length).toBeGreaterThan(10);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = unitOf(file);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...targets.map(unitOf).filter((t) => t !== from)])]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('imports only down the layers of layers.json, and every folder has a layer', () => {
    const layerOf = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i] as const)));
    const unplaced = [...new Set([...graph.keys()].map(unitOf))].filter((u) => !layerOf.has(u));
    expect(unplaced).toEqual([]);
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = unitOf(file);
        const to = unitOf(target);
        if (from !== to && !(layerOf.get(to)! < layerOf.get(from)!)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('would catch a cycle (the checker itself)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
