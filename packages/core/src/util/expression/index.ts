// Verifies Valohai stop-condition expressions the way valohai-yaml does (leval 1.4.0's verifier); the public API.

export type { ExpressionEdit, ExpressionProblem } from './problem.js';
export { EXPRESSION_KEYWORDS, RENAMED_KEYWORDS } from './token.js';
export { EXPRESSION_MAX_DEPTH, verifyExpression } from './verify.js';
