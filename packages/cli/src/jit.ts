// How the executable asks V8 to run a lint: a short run (a pre-commit hook over a few valohai.yaml files, a CI step
// over a repository's) spends more time optimizing code than it gains from the optimized code, so below a size V8's
// optimizing compiler is turned off for the run; above it, the lint is long enough for the optimized code to pay
// back. Measured here (CPU time, the 128 files of a corpus of real valohai.yaml files, 316 KB): 674 ms with the
// optimizing compiler, 447 ms without; a 300 KB file: 733 and 665 ms; a 4 MB file: 3.2 s with it and 6.1 s without.
import { setFlagsFromString } from 'node:v8';

/** Below this many bytes of input, the run is too short for V8's optimizing compiler to pay back its cost. */
export const INTERPRET_BELOW_BYTES = 1_000_000;

export function tuneJitFor(bytes: number): void {
  if (bytes < INTERPRET_BELOW_BYTES) setFlagsFromString('--no-opt');
}
