import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLog, requestLogLevel } from './logging';

interface Line {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  during?: boolean;
}

/** A server whose every request passes requestLog, then answers `?status=` (and logs one line of its own while serving). */
async function serverLogging(level: string): Promise<{ url: string; lines: Line[]; server: Server }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const root = pino({ level }, sink);
  const log = requestLog(root);
  const server = createServer((request: IncomingMessage, response: ServerResponse) =>
    log(request, response, () => {
      (request as IncomingMessage & { log: pino.Logger }).log.warn({ during: true }, 'while serving');
      const status = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
      response.statusCode = status;
      response.end('{}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, server };
}

/** The sink gets lines asynchronously after the answer: wait until `count` are in. */
async function linesIn(lines: Line[], count: number): Promise<Line[]> {
  for (let tries = 0; lines.length < count && tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return lines;
}

describe('requestLog', () => {
  let servers: Server[] = [];
  afterEach(() => {
    for (const server of servers) server.close();
    servers = [];
  });

  it('answers with the X-Request-Id given, if a plain token, else a new one', async () => {
    const { url, server } = await serverLogging('info');
    servers.push(server);
    const given = await fetch(`${url}/a`, { headers: { 'x-request-id': 'trace-me-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-me-123');
    const odd = await fetch(`${url}/a`, { headers: { 'x-request-id': 'has spaces and {json}' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${url}/a`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-request-id')).not.toBe(odd.headers.get('x-request-id'));
  });

  it('logs one line per answer at its level, and the lines written while serving carry the request', async () => {
    const { url, lines, server } = await serverLogging('debug');
    servers.push(server);
    for (const status of [200, 404, 503, 500]) {
      await fetch(`${url}/api/thing?status=${status}`, { headers: { 'x-request-id': `r${status}` } });
    }
    await linesIn(lines, 8);
    const answered = lines.filter((line) => line.res);
    expect(answered.map((line) => [line.req?.id, line.level, line.res?.statusCode, line.msg])).toEqual([
      ['r200', 20, 200, 'request completed'],
      ['r404', 30, 404, 'request completed'],
      ['r503', 30, 503, 'request answered 503 (unavailable)'],
      ['r500', 50, 500, 'request errored'],
    ]);
    expect(answered[0]?.req).toEqual({ id: 'r200', method: 'GET', url: '/api/thing?status=200' });
    expect(answered.every((line) => typeof line.responseTime === 'number')).toBe(true);
    const during = lines.filter((line) => line.during);
    expect(during.map((line) => line.req?.id)).toEqual(['r200', 'r404', 'r503', 'r500']);
  });

  it('writes nothing for answers below the level set', async () => {
    const { url, lines, server } = await serverLogging('error');
    servers.push(server);
    await fetch(`${url}/x?status=200`);
    await fetch(`${url}/x?status=404`);
    await fetch(`${url}/x?status=500`);
    // Lines are written in the order the answers finish: once the 500's is in, any earlier one would be too.
    await linesIn(lines, 1);
    expect(lines.map((line) => line.res?.statusCode)).toEqual([500]);
  });

  it('reads a status as a level: 500s are errors, 4xx and 503 worth a look, the rest detail', () => {
    expect([200, 304, 400, 409, 503, 500, 502].map(requestLogLevel)).toEqual([
      'debug',
      'debug',
      'info',
      'info',
      'info',
      'error',
      'error',
    ]);
  });
});
