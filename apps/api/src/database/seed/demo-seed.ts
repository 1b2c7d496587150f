import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { AddressEntity } from '../../accounts/address.entity';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ProductEntity } from '../../catalog/product.entity';
import { PasswordService } from '../../users/password.service';
import { UserEntity } from '../../users/user.entity';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoCatalog } from './demo-catalog';
import { seedDemoPurchasing } from './demo-purchasing';
import { seedDemoReturns } from './demo-returns';
import { seedDemoAvailability } from './demo-availability';
import { seedDemoBarcodes } from './demo-barcodes';
import { seedDemoPricing } from './demo-pricing';
import { seedDemoTemplates } from './demo-templates';
import { loadHistory } from '@tradecounter/seed-history';

/**
 * Short on purpose, for trying the demo: hashed here directly, never through
 * the API, whose rule for new passwords (12+ characters, not common) it fails.
 */
export const DEMO_PASSWORD = 'demo1234';

/** The demo's history is always the same (for the same day): this seed, twelve months. */
export const DEMO_HISTORY_SEED = 20_240_701;

const STAFF = [
  { email: 'admin@tradecounter.test', name: 'Ada Admin', role: 'admin' },
  { email: 'manager@tradecounter.test', name: 'Morgan Manager', role: 'manager' },
  { email: 'am@tradecounter.test', name: 'Alex Account-Manager', role: 'account_manager' },
  { email: 'warehouse@tradecounter.test', name: 'Wes Warehouse', role: 'warehouse' },
] as const;

const CUSTOMER_USERS = [
  { email: 'buyer@acme.test', name: 'Bea Buyer', role: 'buyer', account: 'ACME', orderLimit: '5000.00' },
  {
    email: 'approver@acme.test',
    name: 'Avery Approver',
    role: 'approver',
    account: 'ACME',
    orderLimit: null,
  },
  { email: 'buyer@globex.test', name: 'Gus Globex', role: 'buyer', account: 'GLOBEX', orderLimit: null },
] as const;

/**
 * Loads the demo on an empty database: staff, ACME, GLOBEX and twenty more
 * accounts with addresses, the catalog, prices, warehouses, stock and inbound,
 * suppliers with every product's purchasing facts and two purchase orders,
 * ACME's order templates, and a year of order history (SEED_DEMO_HISTORY_ORDERS,
 * default 20,000; see tools/seed/README.md). Does nothing if any user exists.
 */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runIfEmpty(): Promise<boolean> {
    const started = Date.now();
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const seeded = await this.dataSource.transaction(async (tx) => {
      // One seeder at a time, and only once: the advisory lock spans the check and the load.
      await tx.query('SELECT pg_advisory_xact_lock(7240001)');
      if ((await tx.getRepository(UserEntity).count()) > 0) return false;
      this.logger.log('Empty database: loading the demo data');
      await seedDemo(tx, passwordHash);
      await this.addHistory(tx);
      // After the history, which numbers its orders from the start of the sequence.
      await seedDemoReturns(tx, this.config.currency);
      return true;
    });
    if (seeded) {
      // Fresh tables have no statistics: without them the planner guesses a handful of rows
      // and picks poor plans for the first minutes (until autovacuum analyses them).
      await this.dataSource.query('ANALYZE');
      this.logger.log(`Demo data loaded in ${Date.now() - started} ms`);
    }
    return seeded;
  }

  /** The generated history, COPYed on the seed's own connection and transaction (triggers off: needs a superuser). */
  private async addHistory(tx: EntityManager): Promise<void> {
    const orders = this.config.demoHistoryOrders;
    if (orders === 0) return;
    const [role] = (await tx.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)) as {
      rolsuper: boolean;
    }[];
    if (!role?.rolsuper) {
      this.logger.warn(
        'Demo order history skipped: loading it needs a superuser (or use npm run seed:history)',
      );
      return;
    }
    const client = (tx.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    this.logger.log(`Demo history: generating ${orders} orders of the last 12 months`);
    const result = await loadHistory(client, {
      orders,
      seed: DEMO_HISTORY_SEED,
      months: 12,
      currency: this.config.currency,
    });
    this.logger.log(
      `Demo history: ${result.orders} orders, ${result.rows} rows in ${result.loadMs + result.finishMs} ms`,
    );
  }
}

async function seedDemo(tx: EntityManager, passwordHash: string): Promise<void> {
  const users = tx.getRepository(UserEntity);
  const staff = await users.save(
    STAFF.map((person) => users.create({ ...person, passwordHash, accountId: null })),
  );
  const accountManager = staff.find((person) => person.role === 'account_manager');

  const accounts = await tx
    .getRepository(AccountEntity)
    .save(
      DEMO_ACCOUNTS.map(({ city: _c, region: _r, postcode: _p, ...account }) =>
        tx.getRepository(AccountEntity).create({ ...account, accountManagerId: accountManager?.id ?? null }),
      ),
    );
  const accountId = new Map(accounts.map((account) => [account.code, account.id]));

  await tx.getRepository(AddressEntity).insert(
    DEMO_ACCOUNTS.flatMap((account, index) => {
      const id = accountId.get(account.code) ?? '';
      const main = {
        accountId: id,
        label: 'Head office',
        line1: `${100 + index * 7} Commerce Way`,
        line2: null,
        city: account.city,
        region: account.region,
        postcode: account.postcode,
        country: 'US',
      };
      const site = {
        ...main,
        label: 'Distribution site',
        line1: `${20 + index * 3} Industrial Park Rd`,
        line2: `Dock ${1 + (index % 4)}`,
      };
      return index % 3 === 2 ? [main] : [main, site];
    }),
  );

  await users.save(
    CUSTOMER_USERS.map(({ account, ...person }) =>
      users.create({ ...person, passwordHash, accountId: accountId.get(account) ?? null }),
    ),
  );

  await tx
    .getRepository(ProductEntity)
    .insert(demoCatalog().map((product) => ({ ...product, active: true })));
  await seedDemoBarcodes(tx);
  const today = new Date().toISOString().slice(0, 10);
  await seedDemoPricing(tx, today);
  await seedDemoAvailability(tx, today);
  const holidays = (await tx.query('SELECT date::text AS date FROM holidays')) as { date: string }[];
  await seedDemoPurchasing(tx, today, new Set(holidays.map((h) => h.date)));
  await seedDemoTemplates(tx);
}
