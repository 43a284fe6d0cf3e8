// `describe` and `it` for corpus tests: they run only where the shared corpus is (see corpus.ts).
import { describe, it } from 'vitest';
import { HAS_CORPUS } from './corpus.js';

export const describeCorpus = describe.skipIf(!HAS_CORPUS);
export const itCorpus = it.skipIf(!HAS_CORPUS);
