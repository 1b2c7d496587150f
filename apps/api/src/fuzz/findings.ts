import type { LoggerService } from '@nestjs/common';
import { basename } from 'node:path';
import type { FuzzRequest } from './fuzz-cases';
import type { FuzzAnswer } from './http-runner';
import { excerpt } from './json-text';

/**
 * The server side of a 500: ProblemFilter logs every unhandled error with the
 * request id, and the suite sends one per request (X-Request-Id), so each 500
 * is reported with the error behind it rather than the bare "Something went
 * wrong" the client sees.
 */
export class ServerErrors {
  private readonly byRequest = new Map<string, unknown>();

  readonly logger: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    verbose: () => undefined,
    fatal: (message: unknown) => this.record(message),
    error: (message: unknown) => this.record(message),
  };

  errorFor(requestId: string): unknown {
    return this.byRequest.get(requestId);
  }

  private record(message: unknown): void {
    const entry = message as { requestId?: unknown; err?: unknown } | undefined;
    if (entry && typeof entry.requestId === 'string') this.byRequest.set(entry.requestId, entry.err);
  }
}

/** What is wrong with an answer, or undefined when it keeps the contract (a success, or a 4xx problem document). */
export function contractBreach(answer: FuzzAnswer): string | undefined {
  if (answer.status === 0) return `no answer (${answer.error ?? 'connection closed'})`;
  if (answer.status >= 500) return `${answer.status}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) {
    return `${answer.status} is not problem+json (${answer.contentType || 'no content type'})`;
  }
  let body: { status?: unknown; title?: unknown; detail?: unknown };
  try {
    body = JSON.parse(answer.body) as typeof body;
  } catch {
    return `${answer.status} problem body is not JSON`;
  }
  if (typeof body.title !== 'string' && typeof body.detail !== 'string')
    return `${answer.status} problem has no title or detail`;
  if (body.status !== answer.status) return `${answer.status} problem says status ${String(body.status)}`;
  return undefined;
}

/** One line naming the server-side error: its class, a normalised message, PostgreSQL's code and where it was thrown. */
export function describeServerError(error: unknown): string {
  if (!(error instanceof Error)) return error === undefined ? 'no server error logged' : String(error);
  const code =
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
    (error as { code?: string }).code;
  const message = error.message
    .split('\n')[0]
    ?.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/"[^"]{20,}"/g, '"…"')
    .slice(0, 140);
  // The first frame outside Node itself: function and file (source maps hide a package's name, the file keeps it findable).
  const frame = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => /^at (?:(.+?) \()?([^\s()]+):\d+:\d+\)?$/.exec(line.trim()))
    .find((match) => !!match && !match[2]?.startsWith('node:'));
  const where = frame ? ` at ${frame[1] ? `${frame[1]} ` : ''}(${basename(frame[2] ?? '')})` : '';
  return `${error.name}${code ? ` ${code}` : ''}: ${message}${where}`;
}

/** The issue's four causes, and everything else, for the summary. */
export function causeFamily(breach: string, serverError: string): string {
  if (!/^5\d\d$/.test(breach))
    return breach.startsWith('no answer') ? 'no answer' : '4xx not a problem document';
  if (/Maximum call stack/.test(serverError)) return 'deep nesting (RangeError: call stack)';
  if (/ 22021|0x00|invalid byte sequence/.test(serverError)) return 'NUL byte (PostgreSQL 22021)';
  if (/ 23502/.test(serverError) || /Error.*\bnull\b/.test(serverError))
    return 'explicit null (23502, or a TypeError/RangeError on null)';
  if (/TypeError/.test(serverError)) return 'other TypeError (a shape or value the code did not expect)';
  return 'other 5xx';
}

export interface Failure {
  request: FuzzRequest;
  answer: FuzzAnswer;
  breach: string;
  serverError: string;
}

/** Counts answers by status and keeps every breach of the contract. */
export class Findings {
  readonly statuses = new Map<number, number>();
  readonly failures: Failure[] = [];
  /** Time spent answering, per route: where the run's seconds go. */
  readonly msByRoute = new Map<string, number>();
  /** The same by kind of case (the label without the field it spoiled). */
  readonly msByKind = new Map<string, number>();
  sent = 0;

  constructor(private readonly serverErrors: ServerErrors) {}

  record(request: FuzzRequest, answer: FuzzAnswer): void {
    this.sent += 1;
    this.msByRoute.set(request.route, (this.msByRoute.get(request.route) ?? 0) + answer.ms);
    const kind = request.label.replace(/^.*?(=|:) /, '');
    this.msByKind.set(kind, (this.msByKind.get(kind) ?? 0) + answer.ms);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    const breach = contractBreach(answer);
    if (!breach) return;
    const serverError =
      answer.status >= 500
        ? describeServerError(this.serverErrors.errorFor(request.headers['X-Request-Id'] ?? ''))
        : excerpt(answer.body || answer.error || '', 120);
    this.failures.push({ request, answer, breach, serverError });
  }

  /** Requests, statuses, and failures by cause family. */
  summary(): string {
    const statuses = [...this.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    const families = new Map<string, number>();
    for (const failure of this.failures) {
      const family = causeFamily(failure.breach, failure.serverError);
      families.set(family, (families.get(family) ?? 0) + 1);
    }
    const byFamily = [...families.entries()].map(([family, count]) => `  ${count} × ${family}`).join('\n');
    const fiveHundreds = this.failures.filter((failure) => failure.answer.status >= 500).length;
    const slowest = [...this.msByRoute.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 5)
      .map(([route, ms]) => `${route} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    return (
      `${this.sent} requests, ${fiveHundreds} answered 5xx, ${this.failures.length} broke the contract\n` +
      `statuses: ${statuses}\nslowest routes (summed request time): ${slowest}` +
      (byFamily ? `\nby cause:\n${byFamily}` : '')
    );
  }

  /** Where the time went, by route and by kind of case, slowest first. */
  timings(count = 40): string {
    const top = (map: Map<string, number>) =>
      [...map.entries()]
        .sort(([, a], [, b]) => b - a)
        .slice(0, count)
        .map(([name, ms]) => `  ${(ms / 1000).toFixed(1)} s  ${name}`)
        .join('\n');
    return `time by route:\n${top(this.msByRoute)}\ntime by kind of case:\n${top(this.msByKind)}`;
  }

  /** Every distinct (route, status, cause), grouped by route, with one exact request each (at most `limit`). */
  report(limit = 30): string {
    const distinct = new Map<string, { first: Failure; count: number }>();
    for (const failure of this.failures) {
      const key = `${failure.request.route}\u0000${failure.breach}\u0000${failure.serverError}`;
      const seen = distinct.get(key);
      if (seen) seen.count += 1;
      else distinct.set(key, { first: failure, count: 1 });
    }
    const byRoute = new Map<string, string[]>();
    let shown = 0;
    for (const { first, count } of distinct.values()) {
      if (shown++ >= limit) break;
      const lines = byRoute.get(first.request.route) ?? [];
      lines.push(
        `  ${first.breach} × ${count}: ${first.serverError}\n` +
          `    e.g. as ${first.request.role}, ${first.request.label}\n` +
          `    ${reproduction(first.request)}`,
      );
      byRoute.set(first.request.route, lines);
    }
    const more = distinct.size > limit ? `\n(${distinct.size - limit} more distinct failures not shown)` : '';
    return [...byRoute.entries()].map(([route, lines]) => `${route}\n${lines.join('\n')}`).join('\n') + more;
  }
}

/** The request as a developer would retype it: method, URL, the headers that matter, the body. */
export function reproduction(request: FuzzRequest): string {
  const headers = Object.entries(request.headers)
    .filter(
      ([name]) =>
        !['Authorization', 'X-Api-Key', 'X-Request-Id'].includes(name) || request.label.startsWith('header'),
    )
    .map(([name, value]) => `${name}: ${excerpt(value, 60)}`);
  const body = request.body === undefined ? '' : ` body ${excerpt(request.body, 220)}`;
  return `${request.method} ${excerpt(request.url, 200)}${headers.length ? ` [${headers.join('; ')}]` : ''}${body}`;
}
