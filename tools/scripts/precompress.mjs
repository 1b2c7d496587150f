#!/usr/bin/env node
/**
 * Writes `FILE.br` (brotli, best quality) and `FILE.gz` (gzip level 9) next to
 * every compressible file of a built directory, so the server (or a proxy in
 * front of it) sends those bytes without compressing anything per request.
 * Run by the portal's `build` target after Angular's (`node
 * tools/scripts/precompress.mjs dist/apps/portal/browser`).
 *
 * Skipped: files below MIN_BYTES (the headers cost more than they save),
 * kinds that are compressed already (images, fonts), and any variant that
 * would not be at least MIN_SAVING smaller than the file. A variant left
 * over from an earlier build of a changed file is removed, so the server
 * never serves stale bytes.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions worth compressing: text, and the uncompressed image and icon formats. */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.xml',
  '.map',
  '.ico',
]);
export const MIN_BYTES = 1024;
/** A variant must save at least this share of the file's bytes to be kept. */
export const MIN_SAVING = 0.05;

const ENCODINGS = [
  {
    extension: '.br',
    compress: (bytes) =>
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
  },
  { extension: '.gz', compress: (bytes) => gzipSync(bytes, { level: 9 }) },
];

/** Whether a file of this name and size is worth compressing at all. */
export function isCompressible(name, size) {
  const dot = name.lastIndexOf('.');
  return dot > 0 && COMPRESSIBLE.has(name.slice(dot).toLowerCase()) && size >= MIN_BYTES;
}

/** Whether a compressed variant is worth keeping next to the original. */
export function worthKeeping(originalSize, compressedSize) {
  return compressedSize <= originalSize * (1 - MIN_SAVING);
}

/** Every file under `dir` (relative paths), variants from earlier runs excluded. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !ENCODINGS.some((encoding) => path.endsWith(encoding.extension)));
}

/** Compresses what is worth it under `dir`; returns one row per original file considered. */
export function precompress(dir) {
  const rows = [];
  for (const path of filesUnder(dir)) {
    const size = statSync(path).size;
    const compressible = isCompressible(path, size);
    const bytes = compressible ? readFileSync(path) : undefined;
    const row = { file: relative(dir, path), size };
    for (const encoding of ENCODINGS) {
      const variant = path + encoding.extension;
      const compressed = bytes && encoding.compress(bytes);
      if (compressed && worthKeeping(size, compressed.length)) {
        writeFileSync(variant, compressed);
        row[encoding.extension.slice(1)] = compressed.length;
      } else {
        rmSync(variant, { force: true });
      }
    }
    rows.push(row);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/scripts/precompress.mjs DIR');
    process.exit(2);
  }
  const rows = precompress(dir);
  const compressed = rows.filter((row) => row.br !== undefined || row.gz !== undefined);
  const total = (key) => compressed.reduce((sum, row) => sum + (row[key] ?? row.size), 0);
  const kB = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
  console.log(
    `precompressed ${compressed.length} of ${rows.length} files in ${dir}: ` +
      `${kB(total('size'))} → ${kB(total('br'))} brotli, ${kB(total('gz'))} gzip`,
  );
}
