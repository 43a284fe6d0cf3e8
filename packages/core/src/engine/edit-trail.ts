// Follows a text through successive passes of edits and gives the result as one set of edits on the original, so a
// diff of "before" and "after" is the edits themselves: no diff algorithm, linear work however many fixes there are.
import type { Span } from '../source/source-file.js';
import type { TextEdit } from '../diagnostic/types.js';

/** A piece of the current text: a range of the original, or text an edit inserted. */
type Piece = Span | string;

const pieceLength = (p: Piece): number => (typeof p === 'string' ? p.length : p.end - p.start);

function slicePiece(p: Piece, from: number, to: number): Piece {
  return typeof p === 'string' ? p.slice(from, to) : { start: p.start + from, end: p.start + to };
}

export class EditTrail {
  /** The current text as pieces, in order; original ranges stay increasing because edits never reorder text. */
  private pieces: Piece[];

  constructor(private readonly originalLength: number) {
    this.pieces = originalLength > 0 ? [{ start: 0, end: originalLength }] : [];
  }

  /** Records one pass: sorted, non-overlapping edits in the coordinates of the current text. */
  apply(edits: readonly TextEdit[]): void {
    const out: Piece[] = [];
    let index = 0; // the piece the cursor is in
    let within = 0; // the cursor's offset inside that piece
    let position = 0; // the cursor's offset in the current text
    /** Moves the cursor to `target`, keeping what it passes over when `keep` is true. */
    const advance = (target: number, keep: boolean): void => {
      while (position < target && index < this.pieces.length) {
        const piece = this.pieces[index]!;
        const left = pieceLength(piece) - within;
        const step = Math.min(left, target - position);
        if (keep && step > 0) out.push(slicePiece(piece, within, within + step));
        position += step;
        within += step;
        if (within === pieceLength(piece)) {
          index++;
          within = 0;
        }
      }
    };
    for (const e of edits) {
      advance(e.span.start, true);
      if (e.newText !== '') out.push(e.newText);
      advance(e.span.end, false);
    }
    advance(Number.POSITIVE_INFINITY, true);
    this.pieces = out;
  }

  /** Everything that changed, as sorted, non-overlapping edits on the original text. */
  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    let originalAt = 0;
    let inserted = '';
    for (const piece of this.pieces) {
      if (typeof piece === 'string') {
        inserted += piece;
        continue;
      }
      if (piece.start > originalAt || inserted !== '') edits.push({ span: { start: originalAt, end: piece.start }, newText: inserted });
      originalAt = piece.end;
      inserted = '';
    }
    if (originalAt < this.originalLength || inserted !== '') edits.push({ span: { start: originalAt, end: this.originalLength }, newText: inserted });
    return edits;
  }
}
