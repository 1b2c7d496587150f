import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const REPLIES: Record<string, string> = {
  EHLO: '250 sink',
  HELO: '250 sink',
  MAIL: '250 OK',
  RCPT: '250 OK',
  DATA: '354 End data with <CR><LF>.<CR><LF>',
  RSET: '250 OK',
  NOOP: '250 OK',
  QUIT: '221 Bye',
};

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal real SMTP server (RFC 5321 commands, no TLS, no auth) on an
 * ephemeral port that keeps every message it accepts.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((socket) => this.session(socket));
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket): void {
    let buffer = '';
    let inData = false;
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          this.mails.push(mail);
          mail = { from: '', to: [], data: '' };
          reply('250 OK: queued');
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') mail.from = line;
        if (verb === 'RCPT') mail.to.push(line.replace(/^RCPT TO:\s*/i, ''));
        if (verb === 'DATA') inData = true;
        reply(REPLIES[verb] ?? '502 Command not implemented');
        if (verb === 'QUIT') socket.end();
      }
    });
    socket.on('error', () => undefined);
  }
}
