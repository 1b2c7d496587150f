import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseOutage } from './database-outage';

/** Called with the NOTIFY's payload, or with undefined after a reconnect (anything may have been missed). */
type Handler = (payload: string | undefined) => void;

/**
 * One dedicated connection that LISTENs for the channels background workers
 * and caches wait on (pooled connections cannot). When the connection drops
 * it reconnects, and calls every handler once without a payload, since
 * notifications sent meanwhile are lost; the workers' polling and the
 * caches' expiry cover the gap until then.
 */
@Injectable()
export class PgListener implements OnModuleDestroy {
  private readonly logger = new Logger(PgListener.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outage: DatabaseOutage,
  ) {}

  /** Calls `handler` on every NOTIFY on `channel` (from any process, this one included). */
  async listen(channel: string, handler: Handler): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
    const known = this.handlers.get(channel);
    if (known) {
      known.add(handler);
      return;
    }
    this.handlers.set(channel, new Set([handler]));
    await this.connect();
    await this.client?.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'tradecounter-listen' });
    client.on('notification', (message) =>
      this.handlers.get(message.channel)?.forEach((handler) => handler(message.payload)),
    );
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    // The database going away is logged once, by the outage tracker; anything else here.
    if (error && !this.outage.noticed(error)) {
      this.logger.warn(`LISTEN connection lost: ${String(error)}; reconnecting`);
    }
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect().then(() => {
        if (this.client) {
          this.handlers.forEach((handlers) => handlers.forEach((handler) => handler(undefined)));
        }
      });
    }, 1_000);
  }
}
