import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ts from 'typescript';
import { startTestApp, TestApp } from '../test-support/test-app';

interface MediaType {
  schema?: { $ref?: string; type?: string; format?: string; anyOf?: unknown[]; items?: unknown };
}
interface Operation {
  operationId: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const EXAMPLE = join(WORKSPACE_ROOT, 'tools/examples/erp-sync.ts');
const CHECKED_IN_CLIENT = join(WORKSPACE_ROOT, 'tools/examples/tradecounter-api.d.ts');

describe('OpenAPI contract: what a generated client relies on', () => {
  let t: TestApp;
  let document: Document;
  let operations: { name: string; path: string; method: string; operation: Operation }[];
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        method,
        operation,
      })),
    );
  });
  afterAll(() => t.close());

  it('has every route (the plain document spec compares them with the router)', () => {
    expect(operations.length).toBeGreaterThan(150);
  });

  it('gives every operation its success response: a JSON schema, a file, or a declared empty answer', () => {
    const undescribed = operations.filter(({ operation }) => {
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) return true;
      // Several only where a handler answers more than one (200 the result, 202 a job still running).
      return success.some(([status, response]) =>
        response.content
          ? Object.values(response.content).some((media) => !media.schema)
          : status !== '204' || success.length > 1,
      );
    });
    expect(undescribed.map(({ name }) => name)).toEqual([]);
    const json = operations.filter(({ operation }) =>
      Object.values(operation.responses).some((response) => response.content?.['application/json']),
    );
    expect(json.length).toBeGreaterThan(140);
  });

  it('answers the sent status: a POST with @HttpCode(200) declares 200, a plain POST 201', () => {
    const byName = new Map(operations.map((entry) => [entry.name, entry.operation]));
    expect(Object.keys(byName.get('POST /api/auth/login')?.responses ?? {})).toContain('200');
    expect(Object.keys(byName.get('POST /api/products')?.responses ?? {})).toContain('201');
    expect(byName.get('GET /api/products')?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ProductPage',
    });
    // A handler that sets its own status declares each: an import is done (200) or still running (202).
    const upload = byName.get('POST /api/imports/{kind}')?.responses ?? {};
    expect(upload['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ImportResult',
    });
    expect(upload['202']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ImportJob',
    });
    expect(upload['201']).toBeUndefined();
    // Placing an order: 201 the new order; 200 the one an Idempotency-Key already placed, or a dry run's preview.
    const place = byName.get('POST /api/orders')?.responses ?? {};
    expect(place['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Order',
    });
    expect(place['200']?.content?.['application/json']?.schema).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Order' }, { $ref: '#/components/schemas/OrderPreview' }],
    });
    expect(document.components.schemas['ProductPage']).toMatchObject({
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Product' } } },
    });
  });

  it('declares problem+json errors: 401 and 403 where signed in, 400 with input, 404 with an id in the path', () => {
    const missing: string[] = [];
    const problem = { $ref: '#/components/schemas/Problem' };
    for (const { name, operation } of operations) {
      const expected = new Set<string>();
      if (operation.security?.length) expected.add('401').add('403');
      if (operation.requestBody || operation.parameters?.some((p) => p.in !== 'header')) expected.add('400');
      if (operation.parameters?.some((p) => p.in === 'path')) expected.add('404');
      for (const status of expected) {
        const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
        if (JSON.stringify(schema) !== JSON.stringify(problem)) missing.push(`${name} ${status}`);
      }
    }
    expect(missing).toEqual([]);
    expect(document.components.schemas['Problem']).toMatchObject({ required: ['type', 'title', 'status'] });
  });

  it('says who may call: nobody signed in for public routes, a bearer token, or also an API key', () => {
    const security = (name: string) => operations.find((entry) => entry.name === name)?.operation.security;
    expect(security('POST /api/auth/login')).toEqual([]);
    expect(security('GET /api/health')).toEqual([]);
    expect(security('GET /api/orders')).toEqual([{ bearer: [] }]);
    expect(security('POST /api/shipments/{id}/deliver')).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(security('POST /api/channel-orders')).toEqual([{ 'api-key': [] }]);
    expect(document.components.securitySchemes['api-key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    });
    expect(operations.every(({ operation }) => Array.isArray(operation.security))).toBe(true);
  });

  // The script validates first (@apidevtools/swagger-parser, ESM only: run by Node, not Jest), then generates.
  it('is a valid OpenAPI document from which a TypeScript client is generated that the ERP sync example compiles against, its answers typed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-api-client-'));
    try {
      writeFileSync(join(dir, 'document.json'), JSON.stringify(document));
      const client = join(dir, 'tradecounter-api.d.ts');
      const run = spawnSync(
        process.execPath,
        ['tools/scripts/api-client.mjs', join(dir, 'document.json'), client],
        {
          cwd: WORKSPACE_ROOT,
          encoding: 'utf8',
        },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      if (process.env['UPDATE_API_CLIENT']) writeFileSync(CHECKED_IN_CLIENT, readFileSync(client));

      // The example as committed, with the freshly generated client in place of the checked-in one.
      const diagnostics = compile(EXAMPLE, { [resolve(CHECKED_IN_CLIENT)]: readFileSync(client, 'utf8') });
      expect(diagnostics).toEqual([]);

      // The same example with a line that only compiles if the answer is typed: an unknown body fails it.
      const typed = compile(EXAMPLE, {
        [resolve(CHECKED_IN_CLIENT)]: readFileSync(client, 'utf8'),
        [resolve(EXAMPLE)]:
          readFileSync(EXAMPLE, 'utf8') +
          '\nexport async function notUnknown(api: TradecounterClient): Promise<number> {\n' +
          "  const { data } = await api.GET('/api/products', { params: { query: {} } });\n" +
          '  const sku: number = data!.items[0].sku;\n  return sku;\n}\n',
      });
      expect(typed).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'number'")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Generating, formatting and type-checking a client of some 17,000 lines takes 15–30 s on a busy runner.
  }, 120_000);
});

/** Type-checks one file with strict options, some files' text replaced; the messages of its errors. */
function compile(file: string, replaced: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => replaced[resolve(name)] ?? readFile(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = replaced[resolve(name)];
    return text !== undefined
      ? ts.createSourceFile(name, text, language)
      : getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
