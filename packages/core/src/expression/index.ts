// Verifies Valohai stop-condition expressions the way valohai-yaml does (leval 1.4.0's verifier); the public API.

export type { ExpressionProblem } from './problem.js';
export { verifyExpression } from './verify.js';
