import { startTestApp, TestApp } from './test-support/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('describes every route the API serves', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The routes Express actually has, read from the router itself.
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    const served = router.stack
      .flatMap((layer) => (layer.route ? [layer.route] : []))
      .flatMap((route) =>
        Object.keys(route.methods).map(
          (method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .filter(
        (route) =>
          /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(route) &&
          !route.includes('/api/docs') &&
          !route.includes('*'),
      );
    expect(served.length).toBeGreaterThan(15);
    expect(documented.sort()).toEqual(expect.arrayContaining([...new Set(served)].sort()));
  });

  it('documents the cart import as a text/csv body', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(document.paths['/api/cart/import']?.['post']?.requestBody?.content ?? {})).toEqual([
      'text/csv',
    ]);
  });

  it('documents the Idempotency-Key that placing an order requires (a dry run needs none)', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string; required?: boolean; description?: string }[] }
        >
      >;
    };
    const parameters = document.paths['/api/orders']?.['post']?.parameters ?? [];
    // One route places and previews, so the header is optional in the schema and its rule is stated.
    expect(parameters).toContainEqual(
      expect.objectContaining({
        name: 'Idempotency-Key',
        in: 'header',
        description: expect.stringMatching(/^Required unless dryRun=true/),
      }),
    );
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'dryRun', in: 'query' }));
  });

  it('documents the PDF downloads as application/pdf', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    for (const path of ['/api/documents/orders/{id}.pdf', '/api/documents/quotes/{id}.pdf']) {
      const download = document.paths[path]?.['get'];
      expect(Object.keys(download?.responses?.['200']?.content ?? {})).toEqual(['application/pdf']);
    }
  });

  it('serves the interactive docs', async () => {
    const page = await t.http.get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger');
  });
});
