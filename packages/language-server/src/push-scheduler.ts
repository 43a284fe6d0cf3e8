// Debounced publishing for clients without pull diagnostics, sized by what linting the document costs. After a change
// to a document that has been quiet, the lint starts at once (so a single edit is answered as fast as a pull); while
// changes keep coming, the next lint waits until as long as the last one took has passed since it ended (at most
// 250 ms), and then lints only the latest text. Linting so never takes more than about half of the server's time.

const MAX_QUIET_MS = 250;

interface DocState {
  timer?: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate>;
  /** How long the last lint took. */
  cost: number;
  /** When the last lint ended (performance.now()). */
  lastEnd: number;
}

export class PushScheduler {
  private readonly docs = new Map<string, DocState>();

  constructor(private readonly run: (uri: string) => Promise<void>) {}

  private state(uri: string): DocState {
    let s = this.docs.get(uri);
    if (!s) {
      s = { cost: 0, lastEnd: -Infinity };
      this.docs.set(uri, s);
    }
    return s;
  }

  /** A document changed: lint it now if it has been quiet, else once the quiet time after the last lint is over. */
  schedule(uri: string): void {
    const s = this.state(uri);
    // A lint is already due; it will read the latest text.
    if (s.timer) return;
    const quiet = Math.min(MAX_QUIET_MS, s.cost);
    const delay = Math.max(0, s.lastEnd + quiet - performance.now());
    const fire = (): void => {
      s.timer = undefined;
      void this.run(uri);
    };
    // setTimeout(0) waits at least a millisecond; a quiet document is linted right after the pending messages.
    s.timer = delay > 0 ? setTimeout(fire, delay) : setImmediate(fire);
  }

  /** Remembers how long linting a document took, ending now. */
  record(uri: string, ms: number): void {
    const s = this.state(uri);
    s.cost = ms;
    s.lastEnd = performance.now();
  }

  cancel(uri: string): void {
    const s = this.docs.get(uri);
    if (s?.timer) {
      clearTimeout(s.timer as ReturnType<typeof setTimeout>);
      clearImmediate(s.timer as ReturnType<typeof setImmediate>);
    }
    this.docs.delete(uri);
  }
}
