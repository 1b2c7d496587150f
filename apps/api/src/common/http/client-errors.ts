import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from './problem';

/** Node's HTTP parser codes for requests it could not read, by the status they deserve. */
function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Requests Node's HTTP parser refuses (headers over the limit, malformed
 * request lines, timeouts) never reach Express; by default Node answers them
 * with a bare status line. This answers them as problem documents too, then
 * closes the connection, since the rest of its bytes cannot be trusted.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler does: nothing to say to a closed socket, and no bytes of
    // ours in the middle of a response already under way on it.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = statusFor(error.code);
    const body = JSON.stringify(problem(status, clientErrorDetail(status)));
    socket.end(
      [
        `HTTP/1.1 ${status} ${problem(status).title}`,
        'Content-Type: application/problem+json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

function clientErrorDetail(status: number): string {
  if (status === 431) return 'The request headers are larger than the server accepts';
  if (status === 408) return 'The request took too long to arrive';
  return 'The request could not be read as HTTP';
}
