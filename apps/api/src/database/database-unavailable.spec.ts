import { createServer } from 'node:net';
import { Client, DatabaseError } from 'pg';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { describeUnavailable, isDatabaseUnavailable } from './database-unavailable';

/** A pg server error as the driver makes it from the server's message. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('telling a database that is away from a fault', () => {
  it('knows a refused connection, as pg reports it', async () => {
    const client = new Client({
      host: '127.0.0.1',
      port: await closedPort(),
      connectionTimeoutMillis: 2_000,
    });
    const refused = await client.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(describeUnavailable(refused)).toMatch(/ECONNREFUSED/);
  });

  it('knows the server ending sessions: shutdown, crash, start-up, no connections left, class 08', () => {
    for (const [code, message] of [
      ['57P01', 'terminating connection due to administrator command'],
      ['57P02', 'terminating connection because of crash of another server process'],
      ['57P03', 'the database system is starting up'],
      ['53300', 'sorry, too many clients already'],
      ['08006', 'connection failure'],
    ] as const) {
      const wrapped = new QueryFailedError('SELECT 1', [], serverError(code, message));
      expect(isDatabaseUnavailable(wrapped)).toBe(true);
      expect(describeUnavailable(wrapped)).toBe(`${message} (${code})`);
    }
  });

  it("knows pg's and TypeORM's own words for a connection that is gone", () => {
    for (const error of [
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated due to connection timeout', { cause: new Error('timeout') }),
      new QueryRunnerProviderAlreadyReleasedError(),
      new QueryRunnerAlreadyReleasedError(),
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
      ]),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it('leaves faults of the request or the code alone', () => {
    for (const error of [
      new Error('a bug'),
      new QueryFailedError(
        'INSERT',
        [],
        serverError('23505', 'duplicate key value violates unique constraint'),
      ),
      new QueryFailedError('SELECT', [], serverError('40001', 'could not serialize access')),
      new QueryFailedError(
        'SELECT',
        [],
        serverError('57014', 'canceling statement due to statement timeout'),
      ),
      'a string',
      null,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
