import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Order } from '@tradecounter/contracts';
import { createProduct } from '../../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../../test-support/order-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { IMMUTABLE, REVALIDATE, SHORT_LIVED } from './static-portal';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decoded. */
  body: Buffer;
}

/** A GET over plain HTTP, the body left as sent (supertest and fetch would decode it). */
function rawGet(t: TestApp, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { port } = (t.app.getHttpServer() as { address(): AddressInfo }).address();
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const decoded = (response: RawResponse): Buffer => {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  return response.body;
};

/**
 * A built portal in miniature, precompressed by the build's own script:
 * index.html, a content-hashed bundle, a larger file under its own name and
 * a favicon too small to compress.
 */
function fakePortal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tc-portal-'));
  const bundle = Array.from({ length: 200 }, (_, i) => `export const value${i} = "line ${i}";`).join('\n');
  writeFileSync(join(dir, 'main-AB12CD34.js'), bundle);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><title>Tradecounter</title></head><body><tc-root></tc-root>` +
      `<!-- ${'padding '.repeat(200)}--><script src="main-AB12CD34.js" type="module"></script></body></html>`,
  );
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'terms.txt'), 'Terms of trade. '.repeat(200));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  execFileSync(process.execPath, [join(__dirname, '../../../../../tools/scripts/precompress.mjs'), dir]);
  return dir;
}

describe('compression and caching over the wire', () => {
  let t: TestApp;
  let portalDir: string;
  beforeAll(async () => {
    portalDir = fakePortal();
    t = await startTestApp({ PORTAL_DIR: portalDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  describe('the portal’s files', () => {
    const bundle = () => readFileSync(join(portalDir, 'main-AB12CD34.js'));

    it('sends the brotli variant to a browser, with the type of the original and its exact length', async () => {
      const response = await rawGet(t, '/main-AB12CD34.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(response.headers['content-length'])).toBe(
        statSync(join(portalDir, 'main-AB12CD34.js.br')).size,
      );
      expect(response.body.length).toBeLessThan(bundle().length / 4);
      expect(decoded(response).equals(bundle())).toBe(true);
    });

    it('sends gzip to a client that takes only gzip, and the file as it is to one that takes neither', async () => {
      const gzipped = await rawGet(t, '/main-AB12CD34.js', { 'Accept-Encoding': 'gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(decoded(gzipped).equals(bundle())).toBe(true);

      const plain = await rawGet(t, '/main-AB12CD34.js');
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(plain.body.equals(bundle())).toBe(true);

      const refused = await rawGet(t, '/main-AB12CD34.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
      expect(refused.headers['content-encoding']).toBeUndefined();
    });

    it('caches content-hashed files for a year as immutable, in every encoding', async () => {
      for (const acceptEncoding of ['br', 'gzip', 'identity']) {
        const response = await rawGet(t, '/main-AB12CD34.js', { 'Accept-Encoding': acceptEncoding });
        expect(response.headers['cache-control']).toBe(IMMUTABLE);
      }
    });

    it('serves index.html for the root and deep links, compressed, always revalidated', async () => {
      const index = readFileSync(join(portalDir, 'index.html'));
      for (const path of ['/', '/index.html', '/catalog', '/orders/0190c6d2-7a1b-7c3e-8f00-000000000001']) {
        const response = await rawGet(t, path, { 'Accept-Encoding': 'gzip, br' });
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect(response.headers['content-encoding']).toBe('br');
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.headers['cache-control']).toBe(REVALIDATE);
        expect(decoded(response).equals(index)).toBe(true);
      }
      const plain = await rawGet(t, '/catalog');
      expect(plain.headers['cache-control']).toBe(REVALIDATE);
      expect(plain.body.equals(index)).toBe(true);
    });

    it('answers 304 to the ETag of what it sent, per encoding', async () => {
      for (const [path, acceptEncoding] of [
        ['/main-AB12CD34.js', 'br'],
        ['/main-AB12CD34.js', 'gzip'],
        ['/main-AB12CD34.js', ''],
        ['/', 'br'],
        ['/catalog', ''],
      ] as const) {
        const first = await rawGet(t, path, { 'Accept-Encoding': acceptEncoding });
        const etag = String(first.headers['etag']);
        expect(first.headers['last-modified']).toBeDefined();
        const again = await rawGet(t, path, { 'Accept-Encoding': acceptEncoding, 'If-None-Match': etag });
        expect({ path, acceptEncoding, status: again.status }).toEqual({ path, acceptEncoding, status: 304 });
        expect(again.body.length).toBe(0);
      }
      // The variants are different representations: each has its own validator.
      const [br, gzip] = await Promise.all(
        ['br', 'gzip'].map((coding) => rawGet(t, '/main-AB12CD34.js', { 'Accept-Encoding': coding })),
      );
      expect(br.headers['etag']).not.toBe(gzip.headers['etag']);
    });

    it('keeps files named without a hash briefly, and sends small ones as they are', async () => {
      const terms = await rawGet(t, '/assets/terms.txt', { 'Accept-Encoding': 'br' });
      expect(terms.headers['content-encoding']).toBe('br');
      expect(terms.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(terms.headers['cache-control']).toBe(SHORT_LIVED);

      const favicon = await rawGet(t, '/favicon.svg', { 'Accept-Encoding': 'br' });
      expect(favicon.status).toBe(200);
      expect(favicon.headers['content-encoding']).toBeUndefined();
      expect(favicon.headers['vary']).toBeUndefined();
      expect(favicon.headers['content-type']).toBe('image/svg+xml');
      expect(favicon.headers['cache-control']).toBe(SHORT_LIVED);
    });

    it('never answers an API path with a portal file', async () => {
      const response = await rawGet(t, '/api/no-such-route', { 'Accept-Encoding': 'br' });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('API answers', () => {
    let w: OrderingWorld;
    beforeAll(async () => {
      w = await createOrderingWorld(t);
      for (let i = 0; i < 10; i++) await createProduct(t);
    });
    const auth = () => ({ Authorization: `Bearer ${w.admin.token}` });

    it('compresses JSON above 1 kB as the client prefers, with the same content', async () => {
      const path = '/api/products?pageSize=100';
      const plain = await rawGet(t, path, auth());
      expect(plain.status).toBe(200);
      expect(plain.body.length).toBeGreaterThan(1024);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      const content = JSON.parse(plain.body.toString('utf8')) as unknown;

      for (const coding of ['br', 'gzip']) {
        const response = await rawGet(t, path, { ...auth(), 'Accept-Encoding': coding });
        expect(response.headers['content-encoding']).toBe(coding);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.headers['vary']).toMatch(/accept-encoding/i);
        expect(Number(response.headers['content-length'])).toBe(response.body.length);
        expect(response.body.length).toBeLessThan(plain.body.length / 2);
        expect(JSON.parse(decoded(response).toString('utf8'))).toEqual(content);
      }
    });

    it('answers 304 to the ETag of a compressed JSON answer', async () => {
      const headers = { ...auth(), 'Accept-Encoding': 'br' };
      const first = await rawGet(t, '/api/products?pageSize=100', headers);
      const again = await rawGet(t, '/api/products?pageSize=100', {
        ...headers,
        'If-None-Match': String(first.headers['etag']),
      });
      expect(again.status).toBe(304);
    });

    it('sends small JSON as it is', async () => {
      const response = await rawGet(t, '/api/health', { 'Accept-Encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.body.length).toBeLessThan(1024);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ status: 'ok' });
    });

    it('streams a CSV export and sends a PDF untouched', async () => {
      const csv = await rawGet(t, '/api/exports/products', { ...auth(), 'Accept-Encoding': 'br, gzip' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-encoding']).toBeUndefined();
      expect(csv.body.toString('utf8').split('\n')[0]).toContain('sku');

      const product = await createProduct(t, { listPrice: '12.50' });
      await setStock(t, product.id, w.warehouseCode, 10);
      const placed = await placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 2 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201);
      const pdf = await rawGet(t, `/api/documents/orders/${(placed.body as Order).id}.pdf`, {
        Authorization: `Bearer ${w.buyer.token}`,
        'Accept-Encoding': 'br, gzip',
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
