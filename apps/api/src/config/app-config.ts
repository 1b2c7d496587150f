import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_RETRY_POLICY } from '@tradecounter/domain';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export type Environment = 'development' | 'production' | 'test';
/** JSON lines for a log collector, or readable lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** Everything the API reads from the environment, validated once at boot. */
export interface AppConfig {
  environment: Environment;
  port: number;
  /** An external PostgreSQL server; when absent the API starts an embedded one under dataDir. */
  databaseUrl: string | undefined;
  /**
   * A read replica that report reads go to (REPORTS_DATABASE_URL), read-only
   * and never migrated; when absent reports read the primary.
   */
  reportsDatabaseUrl: string | undefined;
  dataDir: string;
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number; refreshTtlDays: number };
  /** The AES-256 key (32 bytes) that encrypts secrets at rest, such as webhook signing secrets. */
  dataKey: Buffer;
  seedDemo: boolean;
  /** Orders of generated history (the last 12 months) the demo seed adds; 0 for none. */
  demoHistoryOrders: number;
  logLevel: string;
  /** LOG_FORMAT: json or pretty; by default pretty when stdout is a terminal (outside tests), else JSON. */
  logFormat: LogFormat;
  /** The built portal (dist/apps/portal/browser), served on the same origin. */
  portalDir: string;
  bodyLimit: string;
  /** Which proxies' X-Forwarded-For Express believes (request.ip, sign-in throttling). */
  trustProxy: TrustProxy;
  currency: string;
  /** The deployment's time zone: pricing dates and report periods. */
  timeZone: string;
  /** ISO 3166-1 alpha-2 country whose public holidays the calendar offers to load (HOLIDAY_COUNTRY, default US). */
  holidayCountry: string;
  events: EventsConfig;
  standingOrders: StandingOrdersConfig;
  mail: MailConfig;
  /** Who the PDF documents (quotes, order confirmations) come from. */
  seller: SellerConfig;
  /** Rendered PDFs kept in memory, keyed by their content (DOCUMENT_CACHE_MB, default 32; 0 turns it off). */
  documentCacheBytes: number;
  /** The largest import file accepted (IMPORT_MAX_MB, default 100): larger is a 413. */
  importMaxBytes: number;
  http: HttpTimeouts;
}

/**
 * How long the HTTP server keeps connections. An idle keep-alive socket must
 * outlive any proxy's or client's idle timeout (60 s on common load
 * balancers): if the server closes first, a request the other side sends on
 * that socket at the same moment is reset (a 502 behind a proxy).
 */
export interface HttpTimeouts {
  /** An idle keep-alive connection is closed after this (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveMs: number;
  /** The whole request head must arrive within this: keepAliveMs + 1 s, as Node requires it above keep-alive. */
  headersMs: number;
  /** The whole request, body included (HTTP_REQUEST_TIMEOUT_MS). */
  requestMs: number;
}

/** The outbox dispatcher and webhook deliveries. */
export interface EventsConfig {
  /** Whether this process dispatches the outbox and sends webhooks (off by default in tests). */
  worker: boolean;
  /** The fallback poll when no NOTIFY arrives. */
  pollMs: number;
  webhookRetry: { baseMs: number; capMs: number; maxAttempts: number };
  webhookTimeoutMs: number;
  /**
   * Whether webhooks may be sent to loopback, private, link-local and other
   * internal addresses. Off by default: an admin's URL must not reach inside
   * the network the API runs in.
   */
  webhookAllowPrivateNetworks: boolean;
}

/** The standing-order scheduler that runs in the API process. */
export interface StandingOrdersConfig {
  /** Whether this process places due runs and sends previews (STANDING_ORDERS_SCHEDULER; off by default in tests). */
  scheduler: boolean;
  /** How often it looks for due runs (STANDING_ORDERS_INTERVAL_MS). */
  intervalMs: number;
  /** Runs claimed per transaction (STANDING_ORDERS_BATCH). */
  batchSize: number;
  /** Runs of a batch placed at once, each in its own placement transaction (STANDING_ORDERS_CONCURRENCY). */
  concurrency: number;
}

/** The company letterhead's first values (then edited in the company settings). */
export interface SellerConfig {
  /** SELLER_NAME, default "Tradecounter". */
  name: string;
  /** SELLER_ADDRESS: one line under the name (e.g. "1 Trade Way, Springfield IL 62701"); none by default. */
  address: string | null;
}

/** E-mail of notifications: only when SMTP_URL is set. */
export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** The portal's address, for links in e-mails. */
  publicUrl: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(
  env: Env = process.env,
  stdoutIsTerminal = process.stdout.isTTY === true,
): AppConfig {
  const problems: string[] = [];
  const environment = readEnvironment(env, problems);
  const dataDir = resolve(env['DATA_DIR'] ?? '.data');
  const config: AppConfig = {
    environment,
    port: readInteger(env, 'PORT', 3000, 0, 65535, problems),
    databaseUrl: readDatabaseUrl(env, 'DATABASE_URL', problems),
    reportsDatabaseUrl: readDatabaseUrl(env, 'REPORTS_DATABASE_URL', problems),
    dataDir,
    jwt: {
      secret: readJwtSecret(env, environment, dataDir, problems),
      issuer: env['JWT_ISSUER'] ?? 'tradecounter',
      audience: env['JWT_AUDIENCE'] ?? 'tradecounter-portal',
      accessTtlSeconds: readInteger(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400, problems),
      refreshTtlDays: readInteger(env, 'REFRESH_TOKEN_TTL_DAYS', 14, 1, 365, problems),
    },
    dataKey: readDataKey(env, environment, dataDir, problems),
    seedDemo: readBoolean(env, 'SEED_DEMO', environment !== 'test', problems),
    demoHistoryOrders: readInteger(env, 'SEED_DEMO_HISTORY_ORDERS', 20_000, 0, 1_000_000, problems),
    logLevel: readLogLevel(env, environment, problems),
    logFormat: readLogFormat(env, environment !== 'test' && stdoutIsTerminal, problems),
    portalDir: resolve(env['PORTAL_DIR'] ?? 'dist/apps/portal/browser'),
    bodyLimit: env['BODY_LIMIT'] ?? '1mb',
    trustProxy: readTrustProxy(env, problems),
    currency: readCurrency(env, problems),
    timeZone: readTimeZone(env, problems),
    holidayCountry: readHolidayCountry(env, problems),
    events: {
      worker: readBoolean(env, 'EVENTS_WORKER', environment !== 'test', problems),
      pollMs: readInteger(env, 'EVENTS_POLL_MS', 5_000, 20, 600_000, problems),
      webhookRetry: {
        baseMs: readInteger(env, 'WEBHOOK_BACKOFF_MS', DEFAULT_RETRY_POLICY.baseMs, 1, 3_600_000, problems),
        capMs: readInteger(
          env,
          'WEBHOOK_BACKOFF_CAP_MS',
          DEFAULT_RETRY_POLICY.capMs,
          1,
          86_400_000,
          problems,
        ),
        maxAttempts: readInteger(
          env,
          'WEBHOOK_MAX_ATTEMPTS',
          DEFAULT_RETRY_POLICY.maxAttempts,
          1,
          100,
          problems,
        ),
      },
      webhookTimeoutMs: readInteger(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000, problems),
      webhookAllowPrivateNetworks: readBoolean(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', false, problems),
    },
    standingOrders: {
      scheduler: readBoolean(env, 'STANDING_ORDERS_SCHEDULER', environment !== 'test', problems),
      intervalMs: readInteger(env, 'STANDING_ORDERS_INTERVAL_MS', 60_000, 50, 3_600_000, problems),
      batchSize: readInteger(env, 'STANDING_ORDERS_BATCH', 200, 1, 5_000, problems),
      concurrency: readInteger(env, 'STANDING_ORDERS_CONCURRENCY', 6, 1, 64, problems),
    },
    http: readHttpTimeouts(env, problems),
    mail: {
      smtpUrl: readSmtpUrl(env, problems),
      from: env['MAIL_FROM'] ?? 'Tradecounter <no-reply@tradecounter.invalid>',
      publicUrl: readPublicUrl(env, problems),
    },
    seller: readSeller(env, problems),
    documentCacheBytes: readInteger(env, 'DOCUMENT_CACHE_MB', 32, 0, 4096, problems) * 1024 * 1024,
    importMaxBytes: readInteger(env, 'IMPORT_MAX_MB', 100, 1, 2048, problems) * 1024 * 1024,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readEnvironment(env: Env, problems: string[]): Environment {
  const value = env['NODE_ENV'] ?? 'development';
  if (value === 'development' || value === 'production' || value === 'test') return value;
  problems.push(`NODE_ENV must be development, production or test (got "${value}")`);
  return 'development';
}

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function readHttpTimeouts(env: Env, problems: string[]): HttpTimeouts {
  const keepAliveMs = readInteger(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 1_000, 3_600_000, problems);
  const headersMs = keepAliveMs + 1_000;
  const requestMs = readInteger(env, 'HTTP_REQUEST_TIMEOUT_MS', 300_000, 1_000, 3_600_000, problems);
  if (requestMs < headersMs) {
    problems.push(
      `HTTP_REQUEST_TIMEOUT_MS (${requestMs}) must be at least the headers timeout, ` +
        `HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000 (${headersMs})`,
    );
  }
  return { keepAliveMs, headersMs, requestMs };
}

function readBoolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function readDatabaseUrl(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      problems.push(`${name} must be a postgres:// URL`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

/** PUBLIC_URL: the portal's address for links in e-mails (set-password, orders); an http(s) origin with an optional path. */
function readPublicUrl(env: Env, problems: string[]): string | undefined {
  const raw = env['PUBLIC_URL'];
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username)
      problems.push(
        `PUBLIC_URL must be an http:// or https:// address without query or credentials (got "${raw}")`,
      );
  } catch {
    problems.push(`PUBLIC_URL must be an http:// or https:// address (got "${raw}")`);
  }
  return raw;
}

function readSmtpUrl(env: Env, problems: string[]): string | undefined {
  const raw = env['SMTP_URL'];
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  } catch {
    problems.push('SMTP_URL is not a valid URL');
  }
  return raw;
}

function readLogLevel(env: Env, environment: Environment, problems: string[]): string {
  const value = env['LOG_LEVEL'] ?? (environment === 'test' ? 'warn' : 'info');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (levels.includes(value)) return value;
  problems.push(`LOG_LEVEL must be one of ${levels.join(', ')} (got "${value}")`);
  return 'info';
}

function readLogFormat(env: Env, terminal: boolean, problems: string[]): LogFormat {
  const value = env['LOG_FORMAT'] || (terminal ? 'pretty' : 'json');
  if (value === 'json' || value === 'pretty') return value;
  problems.push(`LOG_FORMAT must be json or pretty (got "${value}")`);
  return 'json';
}

function readTrustProxy(env: Env, problems: string[]): TrustProxy {
  const parsed = parseTrustProxy(env['TRUST_PROXY']);
  if (typeof parsed === 'object' && !Array.isArray(parsed)) {
    problems.push(parsed.problem);
    return ['loopback'];
  }
  return parsed;
}

function readCurrency(env: Env, problems: string[]): string {
  const value = env['CURRENCY'] ?? 'USD';
  if (/^[A-Z]{3}$/.test(value)) return value;
  problems.push(`CURRENCY must be an ISO 4217 code such as USD (got "${value}")`);
  return 'USD';
}

function readSeller(env: Env, problems: string[]): SellerConfig {
  const name = (env['SELLER_NAME'] ?? '').trim() || 'Tradecounter';
  const address = (env['SELLER_ADDRESS'] ?? '').trim() || null;
  if (name.length > 100) problems.push('SELLER_NAME must be at most 100 characters');
  if (address !== null && address.length > 200)
    problems.push('SELLER_ADDRESS must be at most 200 characters');
  return { name, address };
}

function readHolidayCountry(env: Env, problems: string[]): string {
  const value = env['HOLIDAY_COUNTRY'] ?? 'US';
  if (/^[A-Z]{2}$/.test(value)) return value;
  problems.push(`HOLIDAY_COUNTRY must be an ISO 3166-1 alpha-2 code such as US (got "${value}")`);
  return 'US';
}

function readTimeZone(env: Env, problems: string[]): string {
  const value = env['TIME_ZONE'] ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: value });
    return value;
  } catch {
    problems.push(`TIME_ZONE must be an IANA time zone such as America/Chicago (got "${value}")`);
    return 'UTC';
  }
}

/**
 * Production must be given a secret. Elsewhere one is generated on first
 * start and kept under the data directory, so tokens survive restarts.
 */
function readJwtSecret(env: Env, environment: Environment, dataDir: string, problems: string[]): string {
  const given = env['JWT_SECRET'];
  if (given) {
    if (given.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    return given;
  }
  if (environment === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
    return '';
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const DATA_KEY_BYTES = 32;

/**
 * DATA_KEY: 32 bytes as 64 hex digits or base64 (standard or URL-safe).
 * Production must be given one (losing it loses every secret it encrypts, so
 * it belongs with the database backups' own secrets). Elsewhere one is
 * generated on first start and kept under the data directory.
 */
function readDataKey(env: Env, environment: Environment, dataDir: string, problems: string[]): Buffer {
  const given = env['DATA_KEY'];
  if (given) {
    const key = decodeKey(given.trim());
    if (key?.length !== DATA_KEY_BYTES)
      problems.push(`DATA_KEY must be ${DATA_KEY_BYTES} bytes, as 64 hex digits or in base64`);
    return key ?? Buffer.alloc(0);
  }
  if (environment === 'production') {
    problems.push('DATA_KEY is required when NODE_ENV=production (32 bytes, hex or base64)');
    return Buffer.alloc(0);
  }
  const file = join(dataDir, 'data-key');
  if (existsSync(file)) {
    const key = decodeKey(readFileSync(file, 'utf8').trim());
    if (key?.length !== DATA_KEY_BYTES) problems.push(`${file} does not hold a ${DATA_KEY_BYTES}-byte key`);
    return key ?? Buffer.alloc(0);
  }
  const key = randomBytes(DATA_KEY_BYTES);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

function decodeKey(text: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return Buffer.from(text, 'base64');
  return undefined;
}
