/**
 * The routes of the API as the fuzz suite sees them, read from the OpenAPI
 * document (/api/docs-json): each operation's path, query and header
 * parameters and its request body schema with every $ref and allOf resolved.
 */

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  /** The component name it came from, so base values can differ per DTO. */
  name?: string;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI template, e.g. `/api/accounts/{id}`. */
  template: string;
  pathParams: string[];
  query: Parameter[];
  headers: Parameter[];
  body?: { contentType: string; schema: Schema };
  /** Signed-in only (a bearer security requirement), as opposed to public. */
  secured: boolean;
}

interface RawSchema {
  $ref?: string;
  allOf?: RawSchema[];
  type?: string;
  properties?: Record<string, RawSchema>;
  required?: string[];
  items?: RawSchema;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

interface RawOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: RawSchema }[];
  requestBody?: { content: Record<string, { schema: RawSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, RawSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function routesFrom(document: OpenApiDocument): RouteSpec[] {
  const components = document.components?.schemas ?? {};
  const resolve = (raw: RawSchema | undefined, depth = 0): Schema => resolveSchema(raw, components, depth);
  const routes: RouteSpec[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const of = (place: string): Parameter[] =>
        parameters
          .filter((parameter) => parameter.in === place)
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required ?? false,
            schema: resolve(parameter.schema),
          }));
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      routes.push({
        method: method.toUpperCase() as RouteSpec['method'],
        template,
        pathParams: of('path').map((parameter) => parameter.name),
        query: of('query'),
        headers: of('header'),
        body: contentType && content ? { contentType, schema: resolve(content.schema) } : undefined,
        secured: (operation.security ?? []).length > 0,
      });
    }
  }
  return routes;
}

function resolveSchema(
  raw: RawSchema | undefined,
  components: Record<string, RawSchema>,
  depth: number,
): Schema {
  if (!raw || depth > 8) return {};
  if (raw.$ref) {
    const name = raw.$ref.replace('#/components/schemas/', '');
    return { ...resolveSchema(components[name], components, depth + 1), name };
  }
  if (raw.allOf?.length) {
    // Nest swagger wraps a described nested DTO in allOf: [{ $ref }].
    return raw.allOf.reduce<Schema>(
      (merged, part) => ({ ...merged, ...resolveSchema(part, components, depth + 1) }),
      {},
    );
  }
  const properties = raw.properties
    ? Object.fromEntries(
        Object.entries(raw.properties).map(([key, value]) => [
          key,
          resolveSchema(value, components, depth + 1),
        ]),
      )
    : undefined;
  return {
    type: raw.type ?? (properties ? 'object' : undefined),
    properties,
    required: raw.required,
    items: raw.items ? resolveSchema(raw.items, components, depth + 1) : undefined,
    enum: raw.enum,
    nullable: raw.nullable,
    minimum: raw.minimum,
    maximum: raw.maximum,
    example: raw.example,
  };
}

/** `GET /api/accounts/{id}`: how routes are named in the report. */
export const routeKey = (route: RouteSpec) => `${route.method} ${route.template}`;
