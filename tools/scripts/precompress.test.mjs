// node --test: which files of a build get .br and .gz variants (tools/scripts/precompress.mjs).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { isCompressible, precompress, worthKeeping } from './precompress.mjs';

describe('precompress', () => {
  let dir;
  const text = 'export const greeting = "hello";\n'.repeat(100);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-precompress-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'main-AB12CD34.js'), text);
    writeFileSync(
      join(dir, 'media', 'icons-AB12CD34.svg'),
      `<svg>${'<path d="M0 0h24v24H0z"/>'.repeat(80)}</svg>`,
    );
    writeFileSync(join(dir, 'tiny.js'), 'export {};\n');
    writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
    // Random bytes do not shrink: no variant is kept.
    writeFileSync(join(dir, 'noise.txt'), randomBytes(4096));
    writeFileSync(join(dir, 'stale.css'), 'a{}');
    writeFileSync(join(dir, 'stale.css.br'), 'left from a previous build');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip next to compressible files that shrink, and nothing else', () => {
    const rows = precompress(dir);
    const variants = (file) => ['br', 'gz'].filter((suffix) => existsSync(join(dir, `${file}.${suffix}`)));
    assert.deepEqual(variants('main-AB12CD34.js'), ['br', 'gz']);
    assert.deepEqual(variants(join('media', 'icons-AB12CD34.svg')), ['br', 'gz']);
    assert.deepEqual(variants('tiny.js'), []);
    assert.deepEqual(variants('photo.png'), []);
    assert.deepEqual(variants('noise.txt'), []);
    assert.deepEqual(variants('stale.css'), [], 'a variant of an earlier build is removed');
    assert.equal(rows.length, 6, 'variants are not compressed again');

    assert.equal(brotliDecompressSync(readFileSync(join(dir, 'main-AB12CD34.js.br'))).toString(), text);
    assert.equal(gunzipSync(readFileSync(join(dir, 'main-AB12CD34.js.gz'))).toString(), text);
  });

  it('is the same on a second run', () => {
    const first = precompress(dir);
    assert.deepEqual(precompress(dir), first);
  });
});

describe('isCompressible and worthKeeping', () => {
  it('takes text kinds from 1 kB on', () => {
    assert.equal(isCompressible('chunk-X.js', 1024), true);
    assert.equal(isCompressible('chunk-X.js', 1023), false);
    assert.equal(isCompressible('styles.CSS', 5000), true);
    assert.equal(isCompressible('site.webmanifest', 5000), true);
    assert.equal(isCompressible('font.woff2', 50_000), false);
    assert.equal(isCompressible('Makefile', 5000), false);
  });

  it('keeps a variant only when it saves at least 5 %', () => {
    assert.equal(worthKeeping(1000, 950), true);
    assert.equal(worthKeeping(1000, 951), false);
  });
});
