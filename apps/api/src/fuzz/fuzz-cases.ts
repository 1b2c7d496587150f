import fc from 'fast-check';
import type { FuzzRole, FuzzWorld } from './fuzz-world';
import { goodBody, goodQueryValue, goodValue, pathValue } from './good-values';
import {
  cloneJson,
  deepArray,
  deepObject,
  Json,
  JsonObject,
  raw,
  RawJson,
  setOwn,
  toJsonText,
} from './json-text';
import { encode, malformedPathSegment, malformedQueryPart, unknownQueryPart } from './malformed-urls';
import {
  controlStrings,
  hostileStrings,
  malformedValue,
  prototypeKeyObject,
  Tagged,
  typeConfusion,
} from './malformed-values';
import { routeKey, RouteSpec, Schema } from './openapi-routes';

/** One HTTP request the suite sends, and what it spoiled (for the report). */
export interface FuzzRequest {
  route: string;
  role: FuzzRole;
  method: string;
  /** Path and query exactly as sent (already percent-encoded, or deliberately badly). */
  url: string;
  headers: Record<string, string>;
  body?: string;
  label: string;
}

type Segment = string | number;

/** What one case does to the good request; drawn by fast-check, turned into a request by `materialise`. */
type Mutation =
  | { kind: 'none'; label: string }
  | { kind: 'field'; path: Segment[]; value: Tagged<Json> }
  | { kind: 'drop'; path: Segment[] }
  | { kind: 'extra-key'; path: Segment[]; key: string; value: Tagged<Json> }
  | { kind: 'body'; body: Tagged<{ text: string; contentType?: string }> }
  | { kind: 'query'; name?: string; part: Tagged<string> }
  | { kind: 'path'; param: string; segment: Tagged<string> }
  | { kind: 'header'; name: string; value: Tagged<string> };

export interface FuzzCase {
  role: FuzzRole;
  full: boolean;
  mutation: Mutation;
}

interface FieldPath {
  path: Segment[];
  schema: Schema;
}

/** Every place in a body a value can be spoiled: `name`, `lines`, `lines[0]`, `lines[0].quantity`, `address.city`… */
export function fieldPaths(schema: Schema, prefix: Segment[] = []): FieldPath[] {
  if (schema.type === 'array' && schema.items) {
    const item = [...prefix, 0];
    return [
      { path: item, schema: schema.items },
      ...(schema.items.properties ? fieldPaths(schema.items, item) : []),
    ];
  }
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const path = [...prefix, key];
    const here = { path, schema: property };
    if (property.properties || (property.type === 'array' && property.items))
      return [here, ...fieldPaths(property, path)];
    return [here];
  });
}

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'unknownField',
  'id',
  'version',
  'createdAt',
  'isAdmin',
];

const wholeBodies = (good: string): fc.Arbitrary<Tagged<{ text: string; contentType?: string }>> => {
  const json = (label: string, value: Json) => ({ label, value: { text: toJsonText(value) } });
  const text = (label: string, value: string, contentType?: string) => ({
    label,
    value: { text: value, contentType },
  });
  return fc.oneof(
    fc.constantFrom(
      text('empty body', ''),
      text('JSON null body', 'null'),
      text('JSON array body', '[]'),
      text('JSON string body', '"x"'),
      text('JSON number body', '0'),
      text('JSON true body', 'true'),
      text('truncated JSON', good.slice(0, Math.max(1, good.length - 1))),
      text('not JSON', "{'a':1}"),
      text('trailing comma', '{"a":1,}'),
      text('NaN literal', 'NaN'),
      text('NUL body', '\u0000'),
      text('BOM before JSON', `\ufeff${good}`),
      text('JSON then garbage', `${good}x`),
      text('duplicate keys', good.replace(/^\{/, '{"name":null,')),
      text('good body as text/plain', good, 'text/plain'),
      text('form body', 'a[b][c][d]=1&__proto__[x]=1', 'application/x-www-form-urlencoded'),
      text('JSON with a latin1 charset', good, 'application/json; charset=latin1'),
      text('JSON as merge-patch', good, 'application/merge-patch+json'),
      text('no content type', good, ''),
      json('body in an array', raw(`[${good}]`)),
      json('empty object body', {}),
      json('body nested 3000 deep', deepObject(3_000, 'email')),
      json('body nested 20000 deep', deepObject(20_000)),
      json('array body nested 3000 deep', deepArray(3_000)),
      json(
        'body with 2000 unknown keys',
        Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
      ),
      text('body over the size limit', `{"name":"${'a'.repeat(1_100_000)}"}`),
    ),
    fc
      .constantFrom('__proto__', 'constructor', 'prototype')
      .map((key) =>
        json(
          `body with a ${key} key`,
          raw(good.replace(/^\{/, `{${toJsonText(prototypeKeyObject(key)).slice(1, -1)},`)),
        ),
      ),
  );
};

const csvBodies = (sku: string): fc.Arbitrary<Tagged<{ text: string; contentType?: string }>> =>
  fc.oneof(
    hostileStrings().map(({ label, value }) => ({
      label: `CSV sku: ${label}`,
      value: { text: `sku,quantity\n${value},1\n`, contentType: 'text/csv' },
    })),
    hostileStrings().map(({ label, value }) => ({
      label: `CSV quantity: ${label}`,
      value: { text: `sku,quantity\n${sku},${value}\n`, contentType: 'text/csv' },
    })),
    controlStrings().map((value) => ({
      label: 'CSV with control characters',
      value: { text: `sku,quantity${value}\n${sku},1`, contentType: 'text/csv' },
    })),
    fc
      .constantFrom(
        '',
        '\u0000',
        '"unclosed,1\n',
        'sku;quantity\n',
        `sku,quantity\n${`${sku},1\n`.repeat(20_000)}`,
        '\ufeffsku,quantity\n=1+1,1\n',
      )
      .map((text) => ({
        label: 'odd CSV',
        value: { text, contentType: 'text/csv' },
      })),
  );

const headerMutations = (route: RouteSpec): fc.Arbitrary<{ name: string; value: Tagged<string> }> => {
  const names = [
    'Authorization',
    'X-Api-Key',
    'X-Forwarded-For',
    'Accept',
    ...route.headers.map((header) => header.name),
  ];
  const values = fc.constantFrom(
    '',
    'Bearer',
    'Bearer x.y.z',
    `Bearer ${'a'.repeat(5_000)}`,
    'Basic Zm9vOmJhcg==',
    '*',
    'W/"1"',
    '"abc"',
    '%00',
    'é'.repeat(10),
    '1.2.3.4, 999.999.999.999, ::ffff:127.0.0.1',
    'x'.repeat(300),
  );
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({
        name: fc.constantFrom(...names),
        value: values.map((value) => ({ label: 'odd header', value })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        name: 'X-Fuzz-Padding',
        value: { label: '20 KB header', value: 'a'.repeat(20_000) },
      }),
    },
  );
};

/** The fast-check arbitrary of cases for one route, given the roles that may call it. */
export function caseArbitrary(route: RouteSpec, roles: FuzzRole[], w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const good = goodBody(route, w, 0);
  const jsonBody = route.body && route.body.contentType !== 'text/csv';
  const paths = jsonBody && route.body ? fieldPaths(route.body.schema) : [];
  const mutations: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [];
  if (paths.length) {
    const field = fc.constantFrom(...paths);
    const path = field.map((f) => f.path);
    mutations.push(
      {
        weight: 40,
        arbitrary: field.chain((f) =>
          fc.record({
            kind: fc.constant('field' as const),
            path: fc.constant(f.path),
            value: fc.oneof(
              { weight: 2, arbitrary: typeConfusion(f.schema) },
              { weight: 5, arbitrary: malformedValue() },
            ),
          }),
        ),
      },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('drop' as const), path }) },
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('extra-key' as const),
          // Keys are added to objects: the body itself, or the items of its lists.
          path: fc.constantFrom<Segment[]>(
            ...(route.body?.schema.type === 'array' ? [] : [[]]),
            ...paths.map((p) => p.path).filter((p) => typeof p[p.length - 1] === 'number'),
          ),
          key: fc.constantFrom(...EXTRA_KEYS),
          value: malformedValue(),
        }),
      },
    );
  }
  if (route.body) {
    const bodies = jsonBody ? wholeBodies(toJsonText(good ?? {})) : csvBodies(w.product.sku);
    mutations.push({
      weight: jsonBody ? 12 : 50,
      arbitrary: fc.record({ kind: fc.constant('body' as const), body: bodies }),
    });
  }
  if (route.query.length) {
    const name = fc.constantFrom(...route.query.map((parameter) => parameter.name));
    mutations.push({
      weight: 40,
      arbitrary: name.chain((n) =>
        fc.record({ kind: fc.constant('query' as const), name: fc.constant(n), part: malformedQueryPart(n) }),
      ),
    });
  }
  mutations.push({
    weight: route.query.length ? 5 : 3,
    arbitrary: fc.record({ kind: fc.constant('query' as const), part: unknownQueryPart() }),
  });
  for (const param of route.pathParams) {
    mutations.push({
      weight: route.body || route.query.length ? 8 : 30,
      arbitrary: fc.record({
        kind: fc.constant('path' as const),
        param: fc.constant(param),
        segment: malformedPathSegment(pathValue(route, param, w), w.theirs.id),
      }),
    });
  }
  mutations.push({
    weight: 2,
    arbitrary: headerMutations(route).map((header) => ({ kind: 'header' as const, ...header })),
  });
  return fc.record({ role: fc.constantFrom(...roles), full: fc.boolean(), mutation: fc.oneof(...mutations) });
}

/** The issue's four kinds of bad value, each tried once in every field, query parameter and path id. */
const SWEEP_VALUES: Tagged<Json>[] = [
  { label: 'sweep: null', value: null },
  { label: 'sweep: empty array', value: [] },
  { label: 'sweep: array in an array', value: [[]] },
  { label: 'sweep: empty object', value: {} },
  { label: 'sweep: NUL in a string', value: 'a\u0000b' },
  { label: 'sweep: object nested 3000 deep', value: deepObject(3_000) },
];

/**
 * Numbers JavaScript writes in exponent form ("1e-7", "1e+21"): code that
 * counts decimals by splitting String(value) at "." trips on them.
 */
const NUMBER_SWEEP_VALUES: Tagged<Json>[] = [
  { label: 'sweep: 1e-7', value: 1e-7 },
  { label: 'sweep: 1e21', value: 1e21 },
  { label: 'sweep: 5e-324', value: 5e-324 },
];

/** Systematic cases beside the random ones, so the known kinds of failure are found on every route, whatever the seed. */
export function sweepCases(route: RouteSpec, roles: FuzzRole[]): FuzzCase[] {
  const mutations: Mutation[] = [];
  if (route.body && route.body.contentType !== 'text/csv') {
    for (const { path, schema } of fieldPaths(route.body.schema)) {
      const numeric = schema.type === 'number' || schema.type === 'integer';
      for (const value of [...SWEEP_VALUES, ...(numeric ? NUMBER_SWEEP_VALUES : [])]) {
        mutations.push({ kind: 'field', path, value });
      }
    }
  }
  for (const { name } of route.query) {
    for (const [label, part] of [
      ['NUL', `${name}=%00`],
      ['repeated', `${name}=a&${name}=b`],
      ['nested brackets', `${name}[a][b][c]=1`],
    ] as const) {
      mutations.push({ kind: 'query', name, part: { label: `sweep: ${label}`, value: part } });
    }
  }
  for (const param of route.pathParams) {
    for (const segment of ['%00', 'not-a-uuid']) {
      mutations.push({ kind: 'path', param, segment: { label: `sweep: ${segment}`, value: segment } });
    }
  }
  return mutations.map((mutation, i) => ({
    role: roles[i % roles.length] as FuzzRole,
    full: false,
    mutation,
  }));
}

export interface RequestContext {
  w: FuzzWorld;
  credentials(role: FuzzRole): Record<string, string>;
  /** The current ETag of the fuzzed price tier, for the route that requires If-Match. */
  tierEtag(): string;
}

/** The request a case stands for, numbered `n` (unique names, request id). */
export function materialise(
  route: RouteSpec,
  fuzzCase: FuzzCase,
  n: number,
  context: RequestContext,
): FuzzRequest {
  const { w } = context;
  const { mutation } = fuzzCase;
  const segments = route.template.split('/').map((part) => {
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!param) return part;
    if (mutation.kind === 'path' && mutation.param === param) return mutation.segment.value;
    return encodeURIComponent(pathValue(route, param, w));
  });
  const queryParts = route.query
    .filter((parameter) => parameter.required || fuzzCase.full)
    .filter((parameter) => !(mutation.kind === 'query' && mutation.name === parameter.name))
    .map((parameter) => `${parameter.name}=${encode(goodQueryValue(parameter.name, w))}`);
  if (mutation.kind === 'query') queryParts.push(mutation.part.value);
  const url = segments.join('/') + (queryParts.length ? `?${queryParts.join('&')}` : '');

  const headers: Record<string, string> = {
    'X-Request-Id': `fz-${n}`,
    ...context.credentials(fuzzCase.role),
  };
  if (route.headers.some((header) => header.name === 'Idempotency-Key'))
    headers['Idempotency-Key'] = `fz-${n}-${Date.now()}`;
  if (route.headers.some((header) => header.name === 'If-Match' && header.required))
    headers['If-Match'] = context.tierEtag();
  // The login throttle counts per client: spread the fuzz over many, so sign-in code runs rather than 429.
  if (route.template === '/api/auth/login') headers['X-Forwarded-For'] = `198.51.100.${n % 200}`;

  let label: string;
  let body: string | undefined;
  let contentType: string | undefined = route.body?.contentType;
  const good = goodBody(route, w, n);
  const goodText =
    good === undefined
      ? undefined
      : typeof good === 'string' && contentType === 'text/csv'
        ? good
        : toJsonText(full(route, good, n, context, fuzzCase.full));
  switch (mutation.kind) {
    case 'field':
    case 'drop':
    case 'extra-key': {
      const value = cloneJson(full(route, good ?? {}, n, context, fuzzCase.full));
      label = mutate(value, mutation);
      body = toJsonText(value);
      break;
    }
    case 'body':
      label = mutation.body.label;
      body = mutation.body.value.text;
      if (mutation.body.value.contentType !== undefined)
        contentType = mutation.body.value.contentType || undefined;
      break;
    case 'none':
      label = mutation.label;
      body = goodText;
      break;
    case 'query':
      label = `query ${mutation.name ?? ''} ${mutation.part.label}`.replace(/\s+/g, ' ');
      body = goodText;
      break;
    case 'path':
      label = `path {${mutation.param}}: ${mutation.segment.label}`;
      body = goodText;
      break;
    case 'header':
      label = `header ${mutation.name}: ${mutation.value.label}`;
      headers[mutation.name] = mutation.value.value;
      body = goodText;
      break;
  }
  const sendsBody =
    route.method !== 'GET' && route.method !== 'DELETE' && (body !== undefined || mutation.kind === 'body');
  if (sendsBody && contentType) headers['Content-Type'] = contentType;
  return {
    route: routeKey(route),
    role: fuzzCase.role,
    method: route.method,
    url,
    headers,
    body: sendsBody ? (body ?? '') : undefined,
    label,
  };
}

/** The good body, with its optional fields filled in when the case asks for a full one. */
function full(route: RouteSpec, good: Json, n: number, context: RequestContext, wantFull: boolean): Json {
  if (!wantFull || !route.body || route.body.contentType === 'text/csv') return good;
  return goodValue(route.body.schema, context.w, n, '', undefined, true) ?? good;
}

/** Applies a field mutation in place; returns its label. */
function mutate(body: Json, mutation: Mutation): string {
  if (mutation.kind !== 'field' && mutation.kind !== 'drop' && mutation.kind !== 'extra-key') return '';
  const name = mutation.path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
  let parent: Json = body;
  const path = mutation.kind === 'extra-key' ? [...mutation.path, mutation.key] : mutation.path;
  for (const [index, segment] of path.slice(0, -1).entries()) {
    const container = parent as JsonObject & Json[];
    let next = container[segment as never] as Json | undefined;
    if (next === undefined || next === null || typeof next !== 'object' || next instanceof RawJson) {
      next = typeof path[index + 1] === 'number' ? [] : {};
      assign(container, segment, next);
    }
    parent = next;
  }
  const last = path[path.length - 1] as Segment;
  if (mutation.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as JsonObject)[String(last)];
    return `body.${name} left out`;
  }
  assign(parent as JsonObject, last, mutation.value.value);
  return mutation.kind === 'extra-key'
    ? `body${name ? `.${name}` : ''} gets key ${mutation.key} = ${mutation.value.label}`
    : `body.${name} = ${mutation.value.label}`;
}

function assign(container: JsonObject | Json[], segment: Segment, value: Json): void {
  if (Array.isArray(container) && typeof segment === 'number') container[segment] = value;
  else setOwn(container as JsonObject, String(segment), value);
}
