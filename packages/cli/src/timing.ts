// `VALOHAI_LINT_TIMING=1`: where a run's time went, written to standard error as one line of JSON when the run ends
// (the benchmark reads it to say where a batch's time goes). Off unless asked for: the report is for measuring.
import type { LintTimings } from '@valohai-lint/core';

/** Milliseconds per stage of one run; `start` and `load` come from Node's own clock of the process. */
export interface RunTimings extends LintTimings {
  /** From the process's start to Node being ready to run the program. */
  start: number;
  /** From then to the program's first line of work (loading and compiling the bundle). */
  load: number;
  /** Finding, reading and decoding files. */
  read: number;
  /** Formatting and writing the report. */
  output: number;
  /** From the process's start to the report written. */
  total: number;
}

export class RunTimer {
  readonly lint: LintTimings = { parse: 0, schema: 0, rules: 0, settle: 0 };
  private readonly began = performance.now();
  private read = 0;
  private output = 0;

  /** Runs `work`, counting its time as reading files. */
  reading<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.read += performance.now() - started;
    }
  }

  /** Runs `work`, counting its time as writing the report. */
  writing<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.output += performance.now() - started;
    }
  }

  timings(): RunTimings {
    const ready = performance.nodeTiming.bootstrapComplete;
    return { start: ready, load: this.began - ready, read: this.read, ...this.lint, output: this.output, total: performance.now() };
  }

  /** The one line the run ends with. */
  line(): string {
    const rounded = Object.fromEntries(Object.entries(this.timings()).map(([stage, ms]) => [stage, Math.round(ms * 10) / 10]));
    return `valohai-lint: timing (ms) ${JSON.stringify(rounded)}\n`;
  }
}
