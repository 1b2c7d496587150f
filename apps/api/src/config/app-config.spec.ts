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
        ]),
      );
    }
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: dataDir })).toThrow(/at least 32/);
  });
});
