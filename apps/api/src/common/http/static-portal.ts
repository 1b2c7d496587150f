import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { CONTENT_CODINGS, ContentCoding, preferredCoding } from './accept-encoding';

/** Angular's content-hashed output names: `main-2HJ4XQ7B.js`, `chunk-….js`, `styles-….css`, `media/logo-….png`. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the hashed files of the current build: always asked again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';
/** Files kept under their own name (favicon, public/ assets): briefly, then revalidated. */
export const SHORT_LIVED = 'public, max-age=300';

/** The Cache-Control of a portal file, by its path under the portal directory ('/' separators). */
export function portalCacheControl(path: string): string {
  if (path === 'index.html') return REVALIDATE;
  return HASHED_NAME.test(path.slice(path.lastIndexOf('/') + 1)) ? IMMUTABLE : SHORT_LIVED;
}

/**
 * Middleware serving the built portal: each file as brotli or gzip when the
 * build made that variant (tools/scripts/precompress.mjs) and the client
 * accepts it, else as is; index.html for every other page path (client-side
 * routes). Caching by portalCacheControl; ETag and Last-Modified answer
 * conditional requests with 304. Paths under /api never look on disk.
 * Undefined when the portal is not built.
 */
export function servePortal(portalDir: string): RequestHandler[] | undefined {
  if (!existsSync(join(portalDir, 'index.html'))) return undefined;
  const variants = precompressedVariants(portalDir);
  const sendFile = (request: Request, response: Response, next: NextFunction, path: string) => {
    const available = variants.get(path);
    if (!available) return next();
    // The answer depends on the header even when it is identity: shared caches must key on it.
    response.vary('Accept-Encoding');
    const coding = preferredCoding(request.headers['accept-encoding'], available);
    if (!coding) return next();
    response.setHeader('Cache-Control', portalCacheControl(path));
    response.type(extname(path));
    response.setHeader('Content-Encoding', coding);
    const file = `${path}.${coding === 'gzip' ? 'gz' : coding}`;
    // Ranges of encoded bytes are of no use to a browser: the whole variant is sent.
    response.sendFile(file, { root: portalDir, acceptRanges: false, cacheControl: false }, (error) => {
      if (!error || response.headersSent) return;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return next(error);
      // A variant gone since start-up (a rebuild): the plain file instead.
      response.removeHeader('Content-Encoding');
      response.removeHeader('Content-Type');
      next();
    });
  };
  const files = express.static(portalDir, {
    index: false,
    cacheControl: false,
    setHeaders: (response, file) =>
      response.setHeader('Cache-Control', portalCacheControl(relative(portalDir, file).split(sep).join('/'))),
  });
  const isPage = (request: Request) =>
    (request.method === 'GET' || request.method === 'HEAD') && !request.path.startsWith('/api');
  const filePath = (request: Request) => {
    try {
      return decodeURIComponent(request.path.slice(1));
    } catch {
      return '';
    }
  };
  return [
    // API calls never look on disk: a file lookup per request costs a syscall and a thread-pool trip.
    (request, response, next) =>
      isPage(request) ? sendFile(request, response, next, filePath(request)) : next(),
    (request, response, next) => (request.path.startsWith('/api/') ? next() : files(request, response, next)),
    (request, response, next) => {
      if (!isPage(request)) return next();
      sendFile(
        request,
        response,
        () => {
          response.setHeader('Cache-Control', REVALIDATE);
          response.sendFile('index.html', { root: portalDir, cacheControl: false });
        },
        'index.html',
      );
    },
  ];
}

/**
 * The codings each file has a precompressed variant in, by path ('/'
 * separators), read once: the portal directory is a build output that does
 * not change under a running API. Only files listed here are looked up, so
 * no request path reaches the disk through this map.
 */
function precompressedVariants(portalDir: string): Map<string, ContentCoding[]> {
  const suffixes: Record<string, ContentCoding> = { '.br': 'br', '.gz': 'gzip' };
  const found = new Map<string, Set<ContentCoding>>();
  for (const entry of readdirSync(portalDir, { recursive: true, withFileTypes: true })) {
    const coding = suffixes[extname(entry.name)];
    if (!entry.isFile() || !coding) continue;
    const original = relative(portalDir, join(entry.parentPath, entry.name))
      .split(sep)
      .join('/')
      .slice(0, -3);
    found.set(original, (found.get(original) ?? new Set()).add(coding));
  }
  return new Map(
    [...found].map(([path, codings]) => [path, CONTENT_CODINGS.filter((coding) => codings.has(coding))]),
  );
}
