import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { caseArbitrary, FuzzRequest, materialise, RequestContext, sweepCases } from './fuzz-cases';
import { createFuzzWorld, credentialsOf, FuzzRole, FuzzWorld, ROLES, startFuzzApp } from './fuzz-world';
import { Findings, reproduction, ServerErrors } from './findings';
import { HttpRunner } from './http-runner';
import { deepObject, toJsonText } from './json-text';
import { OpenApiDocument, routeKey, RouteSpec, routesFrom } from './openapi-routes';
import type { TestApp } from '../test-support/test-app';

/**
 * Every route of the OpenAPI document, sent malformed input by a bounded
 * property-based run: no answer may be a 5xx, and every 4xx is a problem
 * document. Reproducible: the seed is fixed unless FUZZ_SEED is set.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 13);
/** Cases per route that takes input (body, query or path); routes without input get an eighth. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);
const CONCURRENCY = Number(process.env['FUZZ_CONCURRENCY'] ?? 8);
/** A file to write every distinct failure to (the assertion message shows the first 30). */
const REPORT_FILE = process.env['FUZZ_REPORT'];
/** The default run (CI) sends at least this many; a FUZZ_RUNS of your own sets no minimum. */
const MINIMUM_REQUESTS = process.env['FUZZ_RUNS'] ? 0 : 10_000;

describe('fuzz: no input yields a 5xx', () => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let w: FuzzWorld;
  let routes: RouteSpec[];
  const serverErrors = new ServerErrors();

  beforeAll(async () => {
    ({ t, dispose } = await startFuzzApp());
    t.app.useLogger(serverErrors.logger);
    w = await createFuzzWorld(t);
    routes = routesFrom((await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument);
  }, 120_000);
  afterAll(() => dispose());

  it('answers every malformed request with a success or a 4xx problem document, never a 5xx', async () => {
    const started = Date.now();
    const address = t.app.getHttpServer().address() as { port: number };
    const runner = new HttpRunner(address.port, CONCURRENCY);
    const findings = new Findings(serverErrors);
    let tierEtag =
      (await t.http.get(`/api/price-tiers/${w.ids.tier}`).set(credentialsOf(w, 'admin'))).headers['etag'] ??
      '"0"';
    const context: RequestContext = {
      w,
      credentials: (role) => credentialsOf(w, role),
      tierEtag: () => String(tierEtag),
    };
    let n = 0;
    const record = (request: FuzzRequest, answer: Parameters<Findings['record']>[1]) => {
      if (answer.etag && request.url.startsWith(`/api/price-tiers/${w.ids.tier}`)) tierEtag = answer.etag;
      findings.record(request, answer);
    };

    // The four causes the issue names, sent as it describes them.
    await runner.sendAll(regressionProbes(w), record);

    // Which roles each route admits: a good request from each; 401 and 403 mean "not this one".
    const admitted = new Map<string, FuzzRole[]>();
    /** Good requests answered 400: their cases stop at validation, so the report lists them. */
    const refusedGood: string[] = [];
    for (const route of routes) {
      const candidates: FuzzRole[] = route.headers.some((h) => h.name === 'X-Api-Key' && h.required)
        ? ['channel']
        : route.secured
          ? [...ROLES, ...(route.headers.some((h) => h.name === 'X-Api-Key') ? (['channel'] as const) : [])]
          : ['anonymous'];
      const probes = candidates.map((role) =>
        materialise(
          route,
          { role, full: false, mutation: { kind: 'none', label: 'good request (role probe)' } },
          n++,
          context,
        ),
      );
      const allowed: FuzzRole[] = [];
      await runner.sendAll(probes, (request, answer) => {
        record(request, answer);
        if (answer.status !== 401 && answer.status !== 403) allowed.push(request.role);
        if (answer.status === 400)
          refusedGood.push(`${request.route} as ${request.role}: ${answer.body.slice(0, 300)}`);
      });
      admitted.set(routeKey(route), allowed.length || route.secured ? allowed : candidates);
    }

    // The run itself: cases drawn per route from a seed of its own, so adding a route leaves the others' cases alone.
    const requests: FuzzRequest[] = [];
    for (const route of routes) {
      const roles = admitted.get(routeKey(route)) ?? [];
      if (!roles.length) continue;
      const takesInput = !!route.body || route.query.length > 0 || route.pathParams.length > 0;
      const cases = fc.sample(caseArbitrary(route, roles, w), {
        seed: SEED ^ hashOf(routeKey(route)),
        numRuns: takesInput ? RUNS : Math.max(3, Math.round(RUNS / 8)),
      });
      for (const fuzzCase of [...sweepCases(route, roles), ...cases])
        requests.push(materialise(route, fuzzCase, n++, context));
    }
    await runner.sendAll(requests, record);

    runner.close();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const refused = [...admitted.entries()].filter(([, roles]) => !roles.length).map(([route]) => route);
    console.log(
      `fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS} cases a route (FUZZ_RUNS), ${CONCURRENCY} in flight, ${routes.length} routes, ${seconds} s, ${runner.retried} sent again after a connection reset\n` +
        findings.summary() +
        (refused.length
          ? `\nroutes no fuzz role may call (fuzzed only through the probes): ${refused.join(', ')}`
          : ''),
    );
    if (REPORT_FILE) {
      const every = findings.failures.map(
        (f) => `${f.breach} as ${f.request.role}: ${reproduction(f.request)}`,
      );
      writeFileSync(
        REPORT_FILE,
        `${findings.summary()}\nseed ${SEED}\n\n${findings.report(Number.MAX_SAFE_INTEGER)}\n\nGood requests answered 400:\n${refusedGood.join('\n')}\n\n${findings.timings()}\n\nEvery failing request:\n${every.join('\n')}\n`,
      );
    }
    if (findings.failures.length) {
      throw new Error(`${findings.summary()}\nseed ${SEED}\n\n${findings.report(30)}`);
    }
    expect(findings.sent).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);
  }, 900_000);
});

/** The four 500s of issue 13 exactly as reported, kept in every run. */
function regressionProbes(w: FuzzWorld): FuzzRequest[] {
  const probe = (
    route: string,
    role: FuzzRole,
    url: string,
    body: string | undefined,
    label: string,
  ): FuzzRequest => ({
    route,
    role,
    method: route.split(' ')[0] as string,
    url,
    headers: {
      'X-Request-Id': `regression-${label.split(' ')[0]}`,
      ...credentialsOf(w, role),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body,
    label: `regression: ${label}`,
  });
  return [
    probe(
      'POST /api/auth/login',
      'anonymous',
      '/api/auth/login',
      `{"email":${toJsonText(deepObject(3_000))},"password":"x"}`,
      'deep-json email nested 3000 deep',
    ),
    probe('GET /api/orders', 'buyer', '/api/orders?search=%00', undefined, 'nul-byte ?search=%00'),
    probe(
      'PATCH /api/accounts/{id}',
      'admin',
      `/api/accounts/${w.patchAccount.id}`,
      '{"requiresPo":null}',
      'null requiresPo',
    ),
    probe(
      'POST /api/templates',
      'buyer',
      '/api/templates',
      '{"name":"x","lines":[[]]}',
      'array-for-object lines:[[]]',
    ),
  ];
}

/** FNV-1a, for a stable per-route seed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
