// fast-check generators of YAML texts around the subset the fast parsing path reads: nested block mappings and
// sequences (compact or not, sequences at their key's indentation), plain, quoted, multi-line and block scalars, flow
// sequences over several lines, empty values, duplicate keys, YAML 1.1 surprises, then comment lines at any
// indentation, blank lines, trailing spaces, CRLF, a `---` line and edits that break the text here and there.
import fc from 'fast-check';

/** Plain scalars, most of them with a twist: YAML 1.1 meanings, indicators inside, Unicode spaces, placeholders. */
const PLAIN = ['a', 'train', 'foo bar', 'yes', 'No', 'on', 'true', '1:30', '-1:30', '017', '0o17', '0x1F', '0b101', '1_000', '1e3', '1.5e3', '.5', '-.inf', '.NaN', '-0', '+1', '0', '2020-01-01', '2020-1-1 10:00:00', '2020-01-01T10:00:00Z', '~', 'null', 'Null', '-1', '--lr={v}', 'a:b', 'a#b', 'http://x.y/z', 'python train.py {parameters}', 'a [b]', 'a, b', 'a]', 'é', 'a\u00a0', '\u00a0b', 'a\u3000', '?x', ':x', '-x', '<<', '=', 'a  b', 'x'.repeat(45), 'a"b', "a'b", 'a%b', 'a@b', 'a!b', 'a&b', 'a*b', 'a|b', 'a>b', '0.001', '1_0:2_0', '190:20:30.15'];

/** Texts that only work quoted (or that test quoting), as loaded strings. */
const STRINGS = ['', ' ', 'a b', "it's", 'say "hi"', 'a\\b', 'tab\there', 'line\nbreak', 'x: y', '# not a comment', '- item', 'yes', '1:30', '\u00e9\u{1F600}', 'trailing ', ' leading', 'a  b', '{v}', '[x]', '\\', '"', "'"];

const DOUBLE_ESCAPES = ['\\n', '\\t', '\\\\', '\\"', '\\/', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\e', '\\N', '\\_', '\\L', '\\P', '\\ ', '\\a', '\\b', '\\v', '\\f', '\\r', '\\q', '\\x4', '\\u12', '\\UFFFFFFFF'];

/** A node of the generated document. */
type GenNode = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, GenNode][] } | { kind: 'seq'; items: GenNode[] } | { kind: 'empty' };

const keyArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('name', 'image', 'command', 'step', 'inputs', 'default', 'a', 'b', 'c', 'x y', 'on', 'yes', '1', '017', '1:30', '__proto__', 'a:b', 'a#b', 'é', 'a\u00a0') },
  { weight: 2, arbitrary: fc.constantFrom("'quoted key'", '"double key"', "'it''s'", '"esc\\tkey"', "'<<'", "'a' ", '"x\\u00e9"') },
  { weight: 1, arbitrary: fc.constantFrom('<<', '"multi', '-x', '? x', '&a k', '[k]', '"a\nb"') },
);

const singleQuoted = fc.constantFrom(...STRINGS).map((s) => `'${s.replace(/'/g, "''")}'`);
const doubleQuoted = fc.oneof(
  fc.constantFrom(...STRINGS).map((s) => JSON.stringify(s)),
  fc.array(fc.oneof(fc.constantFrom(...DOUBLE_ESCAPES), fc.constantFrom('a', ' ', 'b c', '  ', '\t')), { maxLength: 5 }).map((parts) => `"${parts.join('')}"`),
);
const blockScalar = fc.record({
  header: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('|', '>', '|-', '>-', '| # note', '>-  #x ', '|+', '>+', '|2', '>1-', '+|3') }, { weight: 1, arbitrary: fc.constantFrom('|#x', '|x', '|--', '|0', '|12') }),
  lines: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('text', 'more text', '  indented', '', '   ', '# hash', 'a: b', '- x', '    deeper', 'trail  ', 'x\u00a0') }, { weight: 1, arbitrary: fc.constantFrom('\t tab', ' \t', '      ') }), { minLength: 0, maxLength: 6 }),
});

const scalarArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 2, arbitrary: singleQuoted },
  { weight: 3, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: fc.constantFrom('[a.output.x, b.input.y]', '[]', '[ ]', '{}', '{ }', '[a, [b, c]]', '["q", \'r\']', '[a, ]', '[a,,b]', '[a: b]', '{a: b}', '[&x a]', '[a #c\n]', '[a, {}]', '[-a, ?b]', '[ - a]') },
  { weight: 1, arbitrary: fc.constantFrom('&anchor x', '*alias', '!!str x', '!tag x', '? x', '@x', '`x', '%x', '|x', ',x') },
);

const nodeArb: fc.Arbitrary<GenNode> = fc.letrec<{ node: GenNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalarArb.map((text): GenNode => ({ kind: 'scalar', text })) },
    { weight: 1, arbitrary: fc.constant<GenNode>({ kind: 'empty' }) },
    { weight: 3, arbitrary: fc.array(fc.tuple(keyArb, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): GenNode => ({ kind: 'map', entries })) },
    { weight: 3, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): GenNode => ({ kind: 'seq', items })) },
  ),
})).node;

/** How a document is laid out; each choice is drawn per use from these lists. */
interface Layout {
  widths: number[];
  sameIndentSeq: boolean[];
  compact: boolean[];
  multiline: boolean[];
  blocks: { header: string; lines: string[] }[];
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }),
  sameIndentSeq: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  compact: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  multiline: fc.array(fc.nat(9).map((n) => n === 0), { minLength: 1, maxLength: 8 }),
  blocks: fc.array(blockScalar, { minLength: 1, maxLength: 4 }),
});

class Renderer {
  private n = 0;
  constructor(private readonly layout: Layout) {}

  private pick<T>(list: T[]): T {
    return list[this.n++ % list.length]!;
  }

  /** A scalar after `prefix` on a line of a collection indented `indent`; may go on over more lines. */
  private scalar(text: string, indent: number, prefix: string, out: string[]): void {
    if (this.pick(this.layout.multiline)) {
      const block = this.pick(this.layout.blocks);
      const deeper = ' '.repeat(indent + this.pick(this.layout.widths));
      out.push(`${prefix} ${block.header}`, ...block.lines.map((l) => (l === '' ? '' : deeper + l)));
      return;
    }
    const words = text.split(' ');
    if (words.length > 1 && this.pick(this.layout.multiline.concat([true]))) {
      // Spread over lines, as plain or quoted scalars may be.
      const cont = ' '.repeat(indent + this.pick(this.layout.widths));
      out.push(`${prefix} ${words[0]}`, ...words.slice(1).map((w) => cont + w));
      return;
    }
    out.push(`${prefix} ${text}`);
  }

  render(node: GenNode, indent: number, out: string[]): void {
    const pad = ' '.repeat(indent);
    if (node.kind === 'map') {
      for (const [key, value] of node.entries) this.entry(`${pad}${key}:`, value, indent, true, out);
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        if (item.kind !== 'scalar' && item.kind !== 'empty' && this.pick(this.layout.compact)) {
          // Compact: the first line of the item's collection on the dash's line.
          const inner: string[] = [];
          const gap = this.pick(this.layout.widths);
          this.render(item, indent + 1 + gap, inner);
          out.push(`${pad}-${' '.repeat(gap)}${inner[0]!.trimStart()}`, ...inner.slice(1));
        } else this.entry(`${pad}-`, item, indent, false, out);
      }
    } else if (node.kind === 'scalar') out.push(pad + node.text);
  }

  private entry(prefix: string, value: GenNode, indent: number, inMap: boolean, out: string[]): void {
    if (value.kind === 'scalar') this.scalar(value.text, indent, prefix, out);
    else if (value.kind === 'empty') out.push(prefix);
    else {
      out.push(prefix);
      const same = inMap && value.kind === 'seq' && this.pick(this.layout.sameIndentSeq);
      this.render(value, same ? indent : indent + this.pick(this.layout.widths), out);
    }
  }
}

/** Edits applied to the rendered lines: comments, blank lines, trailing spaces, line ends, a document start. */
const decorationArb = fc.record({
  comments: fc.array(fc.record({ at: fc.nat(200), indent: fc.nat(10), text: fc.constantFrom('# c', '#', '# - a: b', '#\u00a0x ', '# trailing  ') }), { maxLength: 4 }),
  trailing: fc.array(fc.record({ at: fc.nat(200), text: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(' ', '  ', ' # note', ' #', '\u00a0', '#x') }, { weight: 1, arbitrary: fc.constantFrom('\t', ':', ': x', ' - y') }) }), { maxLength: 3 }),
  blanks: fc.array(fc.record({ at: fc.nat(200), text: fc.constantFrom('', '  ', '      ') }), { maxLength: 3 }),
  crlf: fc.nat(9).map((n) => n === 0),
  docStart: fc.constantFrom('', '', '---\n', '--- # doc\n', '# head\n---\n'),
  finalNewline: fc.boolean(),
});

/** A generated document: a root sequence or mapping, laid out and decorated. */
export const yamlDocumentArb: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: fc.array(nodeArb, { minLength: 1, maxLength: 4 }).map((items): GenNode => ({ kind: 'seq', items })) }, { weight: 1, arbitrary: nodeArb }), layoutArb, decorationArb)
  .map(([root, layout, deco]) => {
    const lines: string[] = [];
    new Renderer(layout).render(root, 0, lines);
    for (const b of deco.blanks) lines.splice(b.at % (lines.length + 1), 0, b.text);
    for (const c of deco.comments) lines.splice(c.at % (lines.length + 1), 0, ' '.repeat(c.indent) + c.text);
    for (const t of deco.trailing) {
      const i = t.at % lines.length;
      lines[i] += t.text;
    }
    const body = lines.join('\n') + (deco.finalNewline ? '\n' : '');
    const text = deco.docStart + body;
    return deco.crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** One line of a "line soup" document: a YAML-ish fragment at some indentation. */
const soupLineArb = fc.tuple(
  fc.constantFrom(0, 0, 0, 2, 2, -2, -2, -4, 1, -1, 4),
  fc.constantFrom('a:', 'b: 1', 'c: yes', '- x', '-', '- a: b', '- - c', 'key: value # note', '# comment', '', 'word', 'more words', 'd: |', 'e: >-', 'f: "x', 'y"', "g: 'p", "q'", 'h: [a,', 'b]', 'i: []', 'j: {}', '- [x, y]', '"k": v', 'l:  ', '- # c', 'm: a:b', 'n: -1', '- "q"  # c', 'o: 1:30', '---', 'p: a # b', '  ', 'r: x\u00a0', 's: "a\\', '\\tb"', 'name: x', 'name: y'),
);

/** Documents made of random YAML-ish lines at random indentations: odd but often valid layouts. */
export const yamlLineSoupArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(soupLineArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, finalNewline]) => {
    // Indentation walks from line to line, so that lines often line up as YAML structure.
    let indent = 0;
    const text = lines.map(([step, line], i) => ((indent = i === 0 ? 0 : Math.max(0, indent + step)), line === '' ? '' : ' '.repeat(indent) + line)).join('\n') + (finalNewline ? '\n' : '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
