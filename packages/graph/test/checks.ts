// Checks on drawings shared by the graph tests: SVG read by a real XML parser, and which boxes of a layout overlap.
import { DOMParser, type Document } from '@xmldom/xmldom';

export interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every pair of rectangles whose insides intersect, as "a/b"; sorted by x so the sweep is near-linear. */
export function overlaps(rects: readonly Rect[]): string[] {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      const b = sorted[j]!;
      if (b.y < a.y + a.height && a.y < b.y + b.height) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

/** Parses XML, failing on any error the parser reports (its warnings are guesses about encodings, not errors). */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
}
