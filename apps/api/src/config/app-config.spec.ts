import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tc-config-'));

  it('applies defaults and keeps a generated JWT secret under the data dir', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(config.jwt.secret);
    expect(loadConfig({ DATA_DIR: dataDir }).jwt.secret).toBe(config.jwt.secret);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SEED_DEMO: 'maybe',
        TRUST_PROXY: 'everyone',
      });
      fail('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('PORT'),
          expect.stringContaining('DATABASE_URL'),
          expect.stringContaining('SEED_DEMO'),
          expect.stringContaining('TRUST_PROXY'),
          expect.stringContaining('JWT_SECRET is required'),
          expect.stringContaining('DATA_KEY is required'),
        ]),
      );
    }
  });

  it('sends report reads to REPORTS_DATABASE_URL when set, else to the primary (no URL)', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).reportsDatabaseUrl).toBeUndefined();
    const replica = 'postgres://reports@replica.internal:5432/tradecounter';
    expect(loadConfig({ DATA_DIR: dataDir, REPORTS_DATABASE_URL: replica }).reportsDatabaseUrl).toBe(replica);
    expect(() => loadConfig({ DATA_DIR: dataDir, REPORTS_DATABASE_URL: 'mysql://x' })).toThrow(
      /REPORTS_DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, REPORTS_DATABASE_URL: 'not a url' })).toThrow(
      /REPORTS_DATABASE_URL is not a valid URL/,
    );
  });

  it('names the seller on documents: Tradecounter unless SELLER_NAME says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).seller).toEqual({ name: 'Tradecounter', address: null });
    expect(
      loadConfig({ DATA_DIR: dataDir, SELLER_NAME: ' Acme Supply ', SELLER_ADDRESS: '1 Trade Way' }).seller,
    ).toEqual({ name: 'Acme Supply', address: '1 Trade Way' });
    expect(() => loadConfig({ DATA_DIR: dataDir, SELLER_NAME: 'x'.repeat(101) })).toThrow(/SELLER_NAME/);
  });

  it('keeps 32 MB of rendered PDFs unless DOCUMENT_CACHE_MB says otherwise (0 turns the cache off)', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).documentCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ DATA_DIR: dataDir, DOCUMENT_CACHE_MB: '0' }).documentCacheBytes).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dataDir, DOCUMENT_CACHE_MB: '-1' })).toThrow(/DOCUMENT_CACHE_MB/);
  });

  it('keeps idle connections longer than a proxy would (65 s), the headers timeout a second more', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).http).toEqual({
      keepAliveMs: 65_000,
      headersMs: 66_000,
      requestMs: 300_000,
    });
    expect(loadConfig({ DATA_DIR: dataDir, HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000' }).http.headersMs).toBe(
      121_000,
    );
  });

  it('refuses keep-alive and request timeouts out of range or a request timeout below the headers one', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, HTTP_KEEP_ALIVE_TIMEOUT_MS: '500' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, HTTP_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS must be an integer/,
    );
    expect(() =>
      loadConfig({
        DATA_DIR: dataDir,
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '90000',
        HTTP_REQUEST_TIMEOUT_MS: '60000',
      }),
    ).toThrow(/HTTP_REQUEST_TIMEOUT_MS \(60000\) must be at least the headers timeout/);
  });

  it('runs the standing-order scheduler every minute, except in tests, and refuses settings out of range', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).standingOrders).toEqual({
      scheduler: true,
      intervalMs: 60_000,
      batchSize: 200,
      concurrency: 6,
    });
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }).standingOrders.scheduler).toBe(false);
    expect(
      loadConfig({
        DATA_DIR: dataDir,
        STANDING_ORDERS_SCHEDULER: 'false',
        STANDING_ORDERS_INTERVAL_MS: '500',
      }).standingOrders,
    ).toMatchObject({ scheduler: false, intervalMs: 500 });
    expect(() => loadConfig({ DATA_DIR: dataDir, STANDING_ORDERS_INTERVAL_MS: '10' })).toThrow(
      /STANDING_ORDERS_INTERVAL_MS must be an integer/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, STANDING_ORDERS_CONCURRENCY: '0' })).toThrow(
      /STANDING_ORDERS_CONCURRENCY must be an integer/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, STANDING_ORDERS_SCHEDULER: 'sometimes' })).toThrow(
      /STANDING_ORDERS_SCHEDULER/,
    );
  });

  it('takes PUBLIC_URL (the portal address in e-mail links) only as an http(s) address', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).mail.publicUrl).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://portal.example' }).mail.publicUrl).toBe(
      'https://portal.example',
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'portal.example' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'ftp://portal.example' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://x.example/?a=1' })).toThrow(
      /PUBLIC_URL/,
    );
  });

  it('logs JSON lines unless LOG_FORMAT says pretty or a person reads stdout at a terminal', () => {
    expect(loadConfig({ DATA_DIR: dataDir }, false).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: dataDir }, true).logFormat).toBe('pretty');
    expect(loadConfig({ DATA_DIR: dataDir, LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: dataDir, LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    // Tests read the log as JSON even when run from a terminal.
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }, true).logFormat).toBe('json');
    expect(() => loadConfig({ DATA_DIR: dataDir, LOG_FORMAT: 'text' })).toThrow(
      /LOG_FORMAT must be json or pretty/,
    );
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: dataDir })).toThrow(/at least 32/);
  });

  it('keeps a generated data key under the data dir and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-config-key-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.dataKey).toHaveLength(32);
    expect(Buffer.from(readFileSync(join(dir, 'data-key'), 'utf8'), 'base64')).toEqual(config.dataKey);
    expect(loadConfig({ DATA_DIR: dir }).dataKey).toEqual(config.dataKey);
  });

  it('takes DATA_KEY as hex or base64 and refuses any other length', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    expect(loadConfig({ DATA_DIR: dataDir, DATA_KEY: key.toString('hex') }).dataKey).toEqual(key);
    expect(loadConfig({ DATA_DIR: dataDir, DATA_KEY: key.toString('base64') }).dataKey).toEqual(key);
    expect(loadConfig({ DATA_DIR: dataDir, DATA_KEY: key.toString('base64url') }).dataKey).toEqual(key);
    for (const wrong of [
      key.subarray(0, 16).toString('hex'),
      key.subarray(0, 31).toString('base64'),
      'not a key!',
    ])
      expect(() => loadConfig({ DATA_DIR: dataDir, DATA_KEY: wrong })).toThrow(/DATA_KEY must be 32 bytes/);
  });

  it('refuses webhooks to private networks unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).events.webhookAllowPrivateNetworks).toBe(false);
    const allowed = loadConfig({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(allowed.events.webhookAllowPrivateNetworks).toBe(true);
    expect(() => loadConfig({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'sometimes' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS/,
    );
  });
});
