// The project's JSON Schema of valohai.yaml as one typed object: what validation maps errors against, what rules read
// expected types from, and what editors show for hovers and completion.
import schemaJson from './valohai.schema.json' with { type: 'json' };

/** A JSON Schema object as this project reads it (standard keywords plus the project's `x-` annotations). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode | boolean>;
  patternProperties?: Record<string, SchemaNode | boolean>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | boolean;
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  allOf?: (SchemaNode | boolean)[];
  anyOf?: (SchemaNode | boolean)[];
  oneOf?: (SchemaNode | boolean)[];
  if?: SchemaNode | boolean;
  then?: SchemaNode | boolean;
  else?: SchemaNode | boolean;
  not?: SchemaNode | boolean;
  /** Replaces the generated sentence for the schema's own failing keywords (not for `type`). */
  'x-message'?: string;
  /** Files the finding under another rule family (only `exclusive` is used). */
  'x-category'?: 'exclusive';
  /** What a type error says is expected, when the type names alone would be unclear. */
  'x-expected'?: string;
  /** Extra advice for specific unknown keys. */
  'x-hints'?: Record<string, string>;
  /** Common wrong enum values and the allowed value they mean. */
  'x-aliases'?: Record<string, string>;
  /** How to derive a valid value from an invalid one (`slug`: lower-case letters, digits and dashes). */
  'x-rewrite'?: 'slug';
  [keyword: string]: unknown;
}

/** The project's schema of valohai.yaml. */
export const valohaiSchema: SchemaNode = schemaJson as SchemaNode;

/** A schema given as an object, or undefined for the boolean forms (`true`/`false`) and absent ones. */
export function asSchema(s: SchemaNode | boolean | undefined): SchemaNode | undefined {
  return typeof s === 'object' && s !== null ? s : undefined;
}
