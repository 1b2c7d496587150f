/** The part of an OpenAPI 3.0 schema object the contract schemas use. */
export interface SchemaObject {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  format?: string;
  enum?: (string | number | boolean | null)[];
  nullable?: boolean;
  description?: string;
  items?: SchemaObject;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: SchemaObject | boolean;
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
}
