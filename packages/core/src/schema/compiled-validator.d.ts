// Types of the generated compiled-validator.js (ajv standalone code of valohai.schema.json).
import type { ErrorObject } from 'ajv';

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: CompiledValidator;
