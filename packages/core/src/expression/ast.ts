// The syntax tree: the part of Python's `ast` the check needs, with positions as Python gives them.

export interface Base {
  /** The node itself. */
  start: number;
  end: number;
  /** Including enclosing parentheses, which parent nodes start and end at. */
  ostart: number;
  oend: number;
}
type ConstantKind = 'str' | 'bytes' | 'int' | 'float' | 'complex' | 'bool' | 'none' | 'ellipsis';
export type Node =
  | (Base & { type: 'Name'; id: string })
  | (Base & { type: 'Constant'; kind: ConstantKind })
  | (Base & { type: 'Attribute'; value: Node })
  | (Base & { type: 'Call'; func: Node; args: Node[]; keywords: Base[] })
  | (Base & { type: 'BinOp'; op: string; opStart: number; opEnd: number; left: Node; right: Node })
  | (Base & { type: 'BoolOp'; values: Node[] })
  | (Base & { type: 'UnaryOp'; op: string; operand: Node })
  | (Base & { type: 'Compare'; left: Node; ops: number; comparators: Node[] })
  | (Base & { type: 'Tuple' | 'Set'; elts: Node[] })
  | (Base & { type: 'List'; elts: Node[]; trailingComma: boolean })
  | (Base & { type: 'Starred'; value: Node })
  | (Base & { type: 'NamedExpr' | 'Dict' | 'Subscript' | 'JoinedStr' | 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' });

export function at(start: number, end: number): Base {
  return { start, end, ostart: start, oend: end };
}
