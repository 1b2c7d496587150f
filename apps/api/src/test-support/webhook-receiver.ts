import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** The status answered. */
  status: number;
}

/** Decides the answer to a request: a status, after an optional delay. */
export type Responder = (request: { headers: IncomingHttpHeaders; body: string }) => {
  status: number;
  delayMs?: number;
};

/** A real HTTP endpoint on an ephemeral port that records every request it is sent. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly server: Server;
  private respond: Responder = () => ({ status: 200 });

  private constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const { status, delayMs = 0 } = this.respond({ headers: request.headers, body });
        setTimeout(() => {
          this.received.push({ headers: request.headers, body, at: Date.now(), status });
          response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        }, delayMs);
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  answer(responder: Responder): void {
    this.respond = responder;
  }

  /** The requests answered 2xx for these events (by X-Event-Id). */
  delivered(eventIds: Iterable<string>): ReceivedWebhook[] {
    const wanted = new Set(eventIds);
    return this.received.filter((hit) => hit.status < 300 && wanted.has(String(hit.headers['x-event-id'])));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` until it holds (or the time is up, then throws with `what`). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
