import type { Client, PoolClient } from 'pg';

/**
 * `COPY … FROM STDIN` over node-postgres without another dependency: a
 * Submittable (as pg-copy-streams does) that sends the whole buffer once the
 * server is ready for copy data, honouring the socket's backpressure.
 */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

const CHUNK_BYTES = 256 * 1024;

class CopyIn {
  rowCount = 0;
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private error: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    for (let offset = 0; offset < this.data.length; offset += CHUNK_BYTES) {
      connection.sendCopyFromChunk(this.data.subarray(offset, offset + CHUNK_BYTES));
      if (connection.stream.writableNeedDrain) {
        await new Promise<void>((resolve) => connection.stream.once('drain', () => resolve()));
      }
    }
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /COPY (\d+)/.exec(message.text ?? '');
    this.rowCount = match ? Number(match[1]) : 0;
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
  }

  // Messages a COPY FROM never gets; present because the client may call them.
  handleRowDescription(): void {
    // nothing to do for COPY FROM
  }
  handleDataRow(): void {
    // nothing to do for COPY FROM
  }
  handleEmptyQuery(): void {
    // nothing to do for COPY FROM
  }
  handlePortalSuspended(): void {
    // nothing to do for COPY FROM
  }
  handleCopyData(): void {
    // nothing to do for COPY FROM
  }
}

/**
 * Queues `COPY table (columns) FROM STDIN` with `text` (COPY text format,
 * one row a line) on the client and resolves with the rows copied. Several
 * may be queued at once; the client runs them in order.
 */
export function copyIn(client: Client | PoolClient, table: string, columns: readonly string[], text: string) {
  const copy = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, Buffer.from(text, 'utf8'));
  (client as unknown as { query(submittable: CopyIn): CopyIn }).query(copy);
  return copy.done;
}

/** A value for COPY text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** NULL in COPY text format. */
export const COPY_NULL = '\\N';
