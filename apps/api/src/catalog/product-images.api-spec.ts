import sharp from 'sharp';
import type { Response } from 'supertest';
import { MAX_PRODUCT_IMAGE_BYTES } from '@tradecounter/domain';
import { BuyingWorld, createBuyingWorld } from '../test-support/buying';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** A photo-like picture: a gradient, so it does not compress to nothing. */
function picture(width: number, height: number, format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    const x = (i / 3) % width;
    pixels[i] = (x * 255) / width;
    pixels[i + 1] = 90;
    pixels[i + 2] = 200;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

describe('product images', () => {
  let t: TestApp;
  let w: BuyingWorld;
  let jpeg: Buffer;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createBuyingWorld(t);
    jpeg = await picture(800, 600, 'jpeg');
  });
  afterAll(() => t.close());

  const upload = (productId: string, bytes: Buffer | string, type: string, user: TestUser = w.admin) =>
    t.http.put(`/api/products/${productId}/image`).set(bearer(user)).set('Content-Type', type).send(bytes);

  const expectProblem = (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status });
  };

  /** Supertest buffers image bodies when told to. */
  const fetchImage = (url: string, headers: Record<string, string> = {}) =>
    t.http
      .get(url)
      .set(headers)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('an admin uploads an image; products, the catalog and the cart carry its versioned URLs', async () => {
    const product = await createProduct(t);
    const before = (await t.http.get(`/api/products/${product.id}`).set(bearer(w.buyer)).expect(200)).body;
    expect(before).toMatchObject({ imageUrl: null, thumbnailUrl: null });

    const stored = (await upload(product.id, jpeg, 'image/jpeg').expect(200)).body;
    expect(stored).toMatchObject({
      productId: product.id,
      contentType: 'image/jpeg',
      width: 800,
      height: 600,
      byteSize: jpeg.length,
    });
    expect(stored.version).toMatch(/^[0-9a-f]{20}$/);
    expect(stored.imageUrl).toBe(`/api/products/${product.id}/image?size=large&v=${stored.version}`);
    expect(stored.thumbnailUrl).toBe(`/api/products/${product.id}/image?size=thumb&v=${stored.version}`);

    const detail = (await t.http.get(`/api/products/${product.id}`).set(bearer(w.buyer)).expect(200)).body;
    expect(detail).toMatchObject({ imageUrl: stored.imageUrl, thumbnailUrl: stored.thumbnailUrl });
    const page = (
      await t.http
        .get(`/api/products?category=${encodeURIComponent(product.category)}`)
        .set(bearer(w.buyer))
        .expect(200)
    ).body;
    expect(page.items[0]).toMatchObject({ id: product.id, thumbnailUrl: stored.thumbnailUrl });

    await t.http.put(`/api/cart/lines/${product.id}`).set(bearer(w.buyer)).send({ quantity: 1 }).expect(200);
    const cart = (await t.http.get('/api/cart').set(bearer(w.buyer)).expect(200)).body;
    expect(cart.lines).toContainEqual(
      expect.objectContaining({ productId: product.id, thumbnailUrl: stored.thumbnailUrl }),
    );

    const [audit] = await t.dataSource.query(
      `SELECT before, after FROM audit_entries WHERE entity = 'product' AND entity_id = $1`,
      [product.id],
    );
    expect(audit).toMatchObject({
      before: { image: null },
      after: { image: { version: stored.version, contentType: 'image/jpeg', width: 800, height: 600 } },
    });
  });

  it('serves WebP squares to anyone, with strong ETags, 304s and immutable versioned URLs', async () => {
    const product = await createProduct(t);
    const stored = (await upload(product.id, await picture(300, 900, 'png'), 'image/png').expect(200)).body;

    const thumb = await fetchImage(stored.thumbnailUrl).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(thumb.headers.etag).toBe(`"${stored.version}-thumb"`);
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({
      format: 'webp',
      width: 96,
      height: 96,
    });
    const large = await fetchImage(stored.imageUrl).expect(200);
    expect(large.headers.etag).toBe(`"${stored.version}-large"`);
    expect(await sharp(large.body as Buffer).metadata()).toMatchObject({ width: 480, height: 480 });

    const unversioned = await fetchImage(`/api/products/${product.id}/image`).expect(200);
    expect(unversioned.headers['cache-control']).toBe('public, no-cache');
    expect(unversioned.headers.etag).toBe(`"${stored.version}-large"`);

    const notModified = await fetchImage(stored.thumbnailUrl, {
      'If-None-Match': `"other", W/"${stored.version}-thumb"`,
    }).expect(304);
    expect((notModified.body as Buffer).length).toBe(0);
    expect(notModified.headers.etag).toBe(`"${stored.version}-thumb"`);
    await fetchImage(stored.thumbnailUrl, { 'If-None-Match': `"${stored.version}-large"` }).expect(200);

    // A new image is a new version; the old URL still answers, now revalidated each time.
    const replaced = (await upload(product.id, jpeg, 'image/jpeg').expect(200)).body;
    expect(replaced.version).not.toBe(stored.version);
    const old = await fetchImage(stored.thumbnailUrl, { 'If-None-Match': `"${stored.version}-thumb"` });
    expect(old.status).toBe(200);
    expect(old.headers['cache-control']).toBe('public, no-cache');
    expect(old.headers.etag).toBe(`"${replaced.version}-thumb"`);
  });

  it('refuses what is not a JPEG, PNG or WebP image of at most 5 MB with a 4xx problem, storing nothing', async () => {
    const product = await createProduct(t);
    const png = await picture(40, 40, 'png');
    expectProblem(await upload(product.id, 'GIF89a....', 'image/gif'), 415);
    expectProblem(
      await upload(product.id, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'),
      415,
    );
    expectProblem(await upload(product.id, JSON.stringify({ image: 'x' }), 'application/json'), 415);
    expectProblem(await upload(product.id, 'sku,quantity', 'text/csv'), 415);
    // The bytes decide, not the label: an SVG or text sent as image/png is refused as what it is.
    expectProblem(await upload(product.id, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/png'), 415);
    const mislabelled = await upload(product.id, png, 'image/jpeg');
    expectProblem(mislabelled, 400);
    expect(mislabelled.body.detail).toBe('The image is image/png, not the image/jpeg its Content-Type says');
    expectProblem(await upload(product.id, jpeg.subarray(0, jpeg.length / 2), 'image/jpeg'), 400);
    expectProblem(await upload(product.id, Buffer.alloc(0), 'image/png'), 400);
    const tooLarge = Buffer.concat([png, Buffer.alloc(MAX_PRODUCT_IMAGE_BYTES)]);
    expectProblem(await upload(product.id, tooLarge, 'image/png'), 413);
    // A small file can declare a huge picture: refused before decoding it.
    const huge = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(huge.length).toBeLessThan(MAX_PRODUCT_IMAGE_BYTES);
    const refused = await upload(product.id, huge, 'image/png');
    expectProblem(refused, 400);
    expect(refused.body.detail).toMatch(/pixel limit/);

    const detail = (await t.http.get(`/api/products/${product.id}`).set(bearer(w.admin)).expect(200)).body;
    expect(detail.imageUrl).toBeNull();
  });

  it('only admins put and remove images; removing one leaves the placeholder', async () => {
    const product = await createProduct(t);
    for (const user of [w.buyer, w.manager, w.warehouse]) {
      expectProblem(await upload(product.id, jpeg, 'image/jpeg', user), 403);
      expectProblem(await t.http.delete(`/api/products/${product.id}/image`).set(bearer(user)), 403);
    }
    expectProblem(
      await t.http.put(`/api/products/${product.id}/image`).set('Content-Type', 'image/jpeg').send(jpeg),
      401,
    );
    expectProblem(await upload('00000000-0000-4000-8000-000000000000', jpeg, 'image/jpeg'), 404);
    expectProblem(await t.http.get(`/api/products/${product.id}/image`), 404);

    await upload(product.id, jpeg, 'image/jpeg').expect(200);
    await t.http.delete(`/api/products/${product.id}/image`).set(bearer(w.admin)).expect(204);
    expectProblem(await t.http.get(`/api/products/${product.id}/image?size=thumb`), 404);
    const detail = (await t.http.get(`/api/products/${product.id}`).set(bearer(w.buyer)).expect(200)).body;
    expect(detail).toMatchObject({ imageUrl: null, thumbnailUrl: null });
    expectProblem(await t.http.delete(`/api/products/${product.id}/image`).set(bearer(w.admin)), 404);
    expectProblem(await t.http.get(`/api/products/${product.id}/image?size=huge`), 400);
    expectProblem(await t.http.get(`/api/products/${product.id}/image?v=not-hex`), 400);
  });
});
