import { Agent, request as httpRequest } from 'node:http';
import type { FuzzRequest } from './fuzz-cases';

/** What came back: the status, content type and (for errors) the body text; or why nothing did. */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  /** Kept for 4xx and 5xx answers only: successes can be large and are not inspected. */
  body: string;
  etag?: string;
  error?: string;
  /** Milliseconds from sending to the end of the answer. */
  ms: number;
}

/** Sends raw requests to one server over a few kept-alive connections. */
export class HttpRunner {
  private readonly agent: Agent;
  /** Requests sent again on a new connection after a kept-alive one was reset under them. */
  retried = 0;

  constructor(
    private readonly port: number,
    private readonly concurrency: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  /**
   * One request. A reset before any answer on a reused connection is the
   * keep-alive race (the server closed it, e.g. after a 431, as the client
   * picked it up): sent once more on a connection of its own, and only a
   * second failure counts.
   */
  async send(fuzzRequest: FuzzRequest): Promise<FuzzAnswer> {
    const answer = await this.sendOnce(fuzzRequest, this.agent);
    if (answer.status !== 0 || !/ECONNRESET|socket hang up/.test(answer.error ?? '')) return answer;
    this.retried += 1;
    return this.sendOnce(fuzzRequest, false);
  }

  private sendOnce(fuzzRequest: FuzzRequest, agent: Agent | false): Promise<FuzzAnswer> {
    return new Promise((resolve) => {
      const payload = fuzzRequest.body === undefined ? undefined : Buffer.from(fuzzRequest.body, 'utf8');
      const headers: Record<string, string | number> = { ...fuzzRequest.headers };
      if (payload) headers['Content-Length'] = payload.length;
      let settled = false;
      const started = performance.now();
      const done = (answer: Omit<FuzzAnswer, 'ms'>) => {
        if (!settled) resolve({ ...answer, ms: performance.now() - started });
        settled = true;
      };
      try {
        const outgoing = httpRequest(
          {
            host: '127.0.0.1',
            port: this.port,
            method: fuzzRequest.method,
            path: fuzzRequest.url,
            headers,
            agent,
            timeout: this.timeoutMs,
          },
          (response) => {
            const status = response.statusCode ?? 0;
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => {
              if (status >= 400) chunks.push(chunk);
            });
            response.on('end', () =>
              done({
                status,
                contentType: String(response.headers['content-type'] ?? ''),
                body: Buffer.concat(chunks).toString('utf8'),
                etag: response.headers.etag,
              }),
            );
            response.on('error', (error) =>
              done({ status: 0, contentType: '', body: '', error: error.message }),
            );
          },
        );
        outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
        outgoing.on('error', (error) => done({ status: 0, contentType: '', body: '', error: error.message }));
        outgoing.end(payload);
      } catch (error) {
        // Node refuses some requests before sending (a header it will not write): not the server's fault.
        done({ status: -1, contentType: '', body: '', error: (error as Error).message });
      }
    });
  }

  /** Sends every request, `concurrency` at a time, calling `onAnswer` as each comes back. */
  async sendAll(
    requests: FuzzRequest[],
    onAnswer: (request: FuzzRequest, answer: FuzzAnswer) => void,
  ): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const fuzzRequest = requests[next++] as FuzzRequest;
        onAnswer(fuzzRequest, await this.send(fuzzRequest));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  close(): void {
    this.agent.destroy();
  }
}
