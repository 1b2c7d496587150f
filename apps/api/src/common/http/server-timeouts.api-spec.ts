import { Agent, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, TestApp } from '../../test-support/test-app';

/** A GET on a keep-alive agent: the response (body read) and the socket it came on. */
function getOn(agent: Agent, url: string): Promise<{ response: IncomingMessage; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ response, socket: request.socket as Socket }));
    });
    request.on('error', reject);
  });
}

function healthUrl(t: TestApp): string {
  const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
  return `http://127.0.0.1:${port}/api/health`;
}

/** Idle connections outlive a proxy's idle timeout (60 s), not Node's 5 s: no reset on reuse. */
describe('HTTP keep-alive', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('sets the server timeouts from the configuration (65 s keep-alive, headers 1 s more)', () => {
    const server = t.app.getHttpServer() as Server;
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBe(66_000);
    expect(server.requestTimeout).toBe(300_000);
  });

  it('keeps an idle connection past Node’s old 5 s default and announces its timeout', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await getOn(agent, healthUrl(t));
      expect(first.response.statusCode).toBe(200);
      expect(first.response.headers['keep-alive']).toBe('timeout=65');
      await sleep(5_500);
      const second = await getOn(agent, healthUrl(t));
      expect(second.response.statusCode).toBe(200);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });

  it('closes an idle connection after a shorter configured timeout', async () => {
    const short = await startTestApp({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await getOn(agent, healthUrl(short));
      expect(first.response.headers['keep-alive']).toBe('timeout=1');
      await sleep(1_500);
      expect(first.socket.destroyed).toBe(true);
      const second = await getOn(agent, healthUrl(short));
      expect(second.response.statusCode).toBe(200);
      expect(second.socket).not.toBe(first.socket);
    } finally {
      agent.destroy();
      await short.close();
    }
  });
});
