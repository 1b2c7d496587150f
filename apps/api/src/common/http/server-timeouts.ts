import type { Server } from 'node:http';
import type { HttpTimeouts } from '../../config/app-config';

/**
 * Node closes an idle keep-alive socket after 5 s by default; a client or
 * proxy that reuses it at that moment gets ECONNRESET (behind a load
 * balancer with a 60 s idle timeout, sporadic 502s). The server keeps idle
 * sockets longer than they do (see HttpTimeouts), and says so in every
 * response's `Keep-Alive: timeout=…` header.
 */
export function applyServerTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
}
