import type { OpenAPIObject } from '@nestjs/swagger';
import type { RouteFacts } from './route-facts';
import type { SchemaObject } from './schema-object';

export const BEARER = 'bearer';
export const API_KEY = 'api-key';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const FILE = { type: 'string', format: 'binary' };

interface Operation {
  operationId?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    { description?: string; headers?: unknown; content?: Record<string, { schema?: unknown }> }
  >;
}

const ERRORS: Record<number, string> = {
  400: 'The request is invalid: each bad field is named in `errors`',
  401: 'No valid bearer token (or API key, where integrations may call)',
  403: 'The caller may not do this, or not for this record',
  404: 'No such record, or one the caller may not see',
  409: 'Conflicts with the current state: a duplicate, or a status that does not allow it',
};

/**
 * Adds what @nestjs/swagger leaves out, from the routes' own metadata: each success response's schema
 * (a contract of libs/contracts), the problem+json errors, and who may call (public, bearer, API key).
 * Every contract a response names, and every one those name, lands in components.schemas.
 */
export function completeDocument(
  document: OpenAPIObject,
  routes: RouteFacts[],
  contracts: Record<string, SchemaObject>,
): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, unknown>;
  const used = new Set<string>(['Problem']);
  const schemaFor = (type: string): SchemaObject => referenceTo(type, contracts, schemas, used);

  components.securitySchemes = {
    ...components.securitySchemes,
    [API_KEY]: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
      description: 'An integration key (see docs/integrations.md), on the routes integrations may call',
    },
  };

  const byOperationId = new Map(routes.map((route) => [route.operationId, route]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      // Nest names an operation `Controller_method`, `…[1]` for a second path, `…_get` for @All.
      const id = operation.operationId ?? '';
      const route =
        byOperationId.get(id) ??
        byOperationId.get(id.replace(/\[\d+\]$/, '')) ??
        byOperationId.get(id.replace(/_[a-z]+$/, ''));
      if (!route) throw new Error(`No route behind ${method.toUpperCase()} ${path} (${id})`);
      describeSuccess(operation, route, schemaFor);
      operation.security = route.apiKeyOnly
        ? [{ [API_KEY]: [] }]
        : route.public
          ? []
          : [{ [BEARER]: [] }, ...(route.integrations ? [{ [API_KEY]: [] }] : [])];
      describeErrors(operation, method, route);
    }
  }

  for (const name of closure(used, contracts)) {
    if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(contracts[name])) {
      throw new Error(`The schema ${name} is both a request DTO and a contract; rename one`);
    }
    schemas[name] = contracts[name];
  }
  return document;
}

function describeSuccess(operation: Operation, route: RouteFacts, schemaFor: (type: string) => SchemaObject) {
  const result = route.result;
  if (!result) return; // the spec lists every route without one
  const status = String((result.kind === 'json' && result.status) || route.status);
  const others = result.kind === 'json' ? (result.otherStatuses ?? {}) : {};
  const declared = operation.responses[status];
  // Nest's own default entry for an undecorated route says nothing; a description a route gave is kept.
  const description = declared?.description || result.description || 'Success';
  // Other successes go, but for those the route declares: Nest's default (201 for a POST) is not sent.
  for (const key of Object.keys(operation.responses)) {
    if (/^2\d\d$/.test(key) && key !== status && !(key in others)) delete operation.responses[key];
  }
  for (const [other, type] of Object.entries(others)) {
    operation.responses[other] = {
      ...operation.responses[other],
      description: operation.responses[other]?.description || 'Success',
      content: { 'application/json': { schema: schemaFor(type) } },
    };
  }
  if (result.kind === 'json') {
    operation.responses[status] = {
      ...declared,
      description,
      content: {
        'application/json': { schema: schemaFor(result.type) },
        ...Object.fromEntries((result.alsoFiles ?? []).map((type) => [type, { schema: FILE }])),
      },
    };
  } else if (result.kind === 'file') {
    operation.responses[status] = {
      ...declared,
      description,
      content: Object.fromEntries(result.mediaTypes.map((type) => [type, { schema: FILE }])),
    };
  } else {
    operation.responses[status] = { ...declared, description };
  }
}

function describeErrors(operation: Operation, method: string, route: RouteFacts) {
  const parameters = operation.parameters ?? [];
  const statuses = new Set<number>();
  if (operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path')) statuses.add(400);
  if (!route.public || route.apiKeyOnly) {
    statuses.add(401);
    statuses.add(403);
    if (method !== 'get') statuses.add(409);
  }
  if (parameters.some((p) => p.in === 'path')) statuses.add(404);
  // Errors a route declared itself (412, 422, 429, …) get the problem body too.
  for (const key of Object.keys(operation.responses)) if (/^[45]\d\d$/.test(key)) statuses.add(Number(key));
  for (const status of [...statuses].sort()) {
    const declared = operation.responses[String(status)];
    operation.responses[String(status)] = {
      ...declared,
      description: declared?.description || ERRORS[status] || 'Error',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
}

/** `Order` → a $ref; `Order[]` → an array of them; `A | B` → anyOf; `Page<Order>` → the $ref of a page schema, added here. */
function referenceTo(
  type: string,
  contracts: Record<string, SchemaObject>,
  schemas: Record<string, unknown>,
  used: Set<string>,
): SchemaObject {
  const members = type.split('|').map((member) => member.trim());
  if (members.length > 1)
    return { anyOf: members.map((member) => referenceTo(member, contracts, schemas, used)) };
  const array = /^(.+)\[\]$/.exec(type);
  if (array) return { type: 'array', items: referenceTo(array[1], contracts, schemas, used) };
  const page = /^Page<(\w+)>$/.exec(type);
  if (page) {
    const name = `${page[1]}Page`;
    if (contracts[name]) throw new Error(`${name} is a contract already: cannot name the page of ${page[1]}`);
    schemas[name] = {
      type: 'object',
      description: `A page of ${page[1]}: ?page and ?pageSize (at most 100)`,
      properties: {
        items: { type: 'array', items: referenceTo(page[1], contracts, schemas, used) },
        total: { type: 'number' },
        page: { type: 'number' },
        pageSize: { type: 'number' },
      },
      required: ['items', 'total', 'page', 'pageSize'],
    };
    return { $ref: `#/components/schemas/${name}` };
  }
  if (!contracts[type]) throw new Error(`@ApiResult('${type}'): no such contract in libs/contracts`);
  used.add(type);
  return { $ref: `#/components/schemas/${type}` };
}

/** The named contracts and every contract they refer to, however deep. */
function closure(names: Set<string>, contracts: Record<string, SchemaObject>): Set<string> {
  const all = new Set<string>();
  const visit = (name: string) => {
    if (all.has(name)) return;
    all.add(name);
    const text = JSON.stringify(contracts[name]);
    for (const match of text.matchAll(/#\/components\/schemas\/(\w+)/g)) visit(match[1]);
  };
  names.forEach(visit);
  return all;
}
