import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coarse report rollups (coarse-rollup.entities.ts), each the sum of a finer
 * rollup of 1764892800000 or 1764979200000 over some of its dimensions. They
 * are kept by statement-level triggers on the finer rollups, so whatever
 * changes those (order triggers, a rebuild) changes these in the same
 * transaction, and their definitions follow the finer ones by construction.
 */

/** A coarser rollup fed by a finer one: its key columns and their expressions over the finer row. */
interface Feed {
  target: string;
  key: [column: string, expression: string][];
}

/** Each finer rollup: the measures its coarser ones sum, and what it feeds. */
interface Source {
  measures: string[];
  feeds: Feed[];
}

const month = `date_trunc('month', d.day::timestamp)::date`;
const SALES = ['orders', 'units', 'net_sales', 'list_total'];
const perMonth = (target: string, ...columns: string[]): Feed => ({
  target,
  key: [['month', month], ...columns.map((column): [string, string] => [column, `d.${column}`])],
});

/**
 * Per day over every account and channel, kept in STRIPES rows a day by a
 * hash of the account: one row a day would be updated, and locked until
 * commit, by every order of the day; this way only orders of accounts in
 * the same stripe wait for one another (and orders of one account already
 * queue on its credit lock). Readers sum the stripes.
 */
const STRIPES = 16;
const striped = (target: string): Feed => ({
  target,
  key: [
    ['day', 'd.day'],
    ['stripe', `(abs(hashtext(d.account_id::text)) % ${STRIPES})::smallint`],
  ],
});

const SOURCES: Record<string, Source> = {
  sales_by_day: {
    measures: SALES,
    feeds: [perMonth('sales_by_month', 'account_id', 'channel'), striped('sales_by_day_stripe')],
  },
  sales_by_day_product: {
    measures: SALES,
    feeds: [
      perMonth('sales_by_month_product', 'account_id', 'channel', 'product_id'),
      {
        target: 'product_sales_by_day',
        key: [
          ['day', 'd.day'],
          ['product_id', 'd.product_id'],
        ],
      },
      perMonth('product_sales_by_month', 'product_id'),
    ],
  },
  delivery_by_day: {
    measures: [
      'lines',
      'lines_from_stock',
      'delivered_lines',
      'on_time_lines',
      'on_time_lines_current',
      'shipped_orders',
      'in_full_orders',
      'delivered_orders',
      'otif_orders',
      'otif_orders_current',
      'ratings',
      'rating_sum',
    ],
    feeds: [perMonth('delivery_by_month', 'account_id', 'channel'), striped('delivery_by_day_stripe')],
  },
  cycle_time_by_day: {
    measures: ['orders'],
    feeds: [
      perMonth('cycle_time_by_month', 'account_id', 'channel', 'hours'),
      {
        target: 'cycle_time_hours_by_day',
        key: [
          ['day', 'd.day'],
          ['hours', 'd.hours'],
        ],
      },
      perMonth('cycle_time_hours_by_month', 'hours'),
    ],
  },
  promise_accuracy_by_day: {
    measures: ['lines', 'units'],
    feeds: [perMonth('promise_accuracy_by_month', 'account_id', 'channel', 'days_late')],
  },
};

/** The feed's target rows summed from `delta` (finer rollup rows with a `sign` column), none all zero. */
function aggregateSql(feed: Feed, measures: string[], delta: string): string {
  const positions = feed.key.map((_, index) => index + 1).join(', ');
  const sums = measures.map((measure) => `sum(d.sign * d.${measure})`);
  return `INSERT INTO ${feed.target} AS r (${[...feed.key.map(([column]) => column), ...measures].join(', ')})
  SELECT ${[...feed.key.map(([, expression]) => expression), ...sums].join(', ')}
    FROM (${delta}) d
   GROUP BY ${positions}
  HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}
   ORDER BY ${positions}`;
}

/** Adds the signed rows of `delta` to the feed's target (in key order, so concurrent writers never deadlock). */
function upsertSql(feed: Feed, measures: string[], delta: string): string {
  return `${aggregateSql(feed, measures, delta)}
  ON CONFLICT (${feed.key.map(([column]) => column).join(', ')}) DO UPDATE
     SET ${measures.map((measure) => `${measure} = r.${measure} + EXCLUDED.${measure}`).join(', ')};`;
}

/** The rows a statement changed, signed: inserted rows add, deleted ones subtract, updated ones both. */
const DELTAS = {
  insert: `SELECT n.*, 1 AS sign FROM added n`,
  delete: `SELECT o.*, -1 AS sign FROM removed o`,
  update: `SELECT n.*, 1 AS sign FROM added n UNION ALL SELECT o.*, -1 AS sign FROM removed o`,
} as const;
const REFERENCING = {
  insert: 'NEW TABLE AS added',
  delete: 'OLD TABLE AS removed',
  update: 'OLD TABLE AS removed NEW TABLE AS added',
} as const;
/** A transition table the statement filled, if it changed any row (an upsert fires both triggers, one empty). */
const CHANGED = { insert: 'added', delete: 'removed', update: 'added' } as const;
const OPERATIONS = ['insert', 'update', 'delete'] as const;

const functionName = (source: string, operation: string) => `coarse_rollups_${source}_${operation}`;

/**
 * Rebuilds the coarse rollups from the finer ones; run it after
 * ROLLUP_REBUILD_SQL whenever that ran with triggers off (a bulk load).
 * It holds writes to the finer rollups (so order writes) until the
 * transaction ends, so no order's change is counted twice or lost meanwhile.
 */
export const REBUILD_COARSE_ROLLUPS_SQL: readonly string[] = [
  `LOCK TABLE ${Object.keys(SOURCES).join(', ')} IN SHARE MODE`,
  ...Object.entries(SOURCES).flatMap(([source, { measures, feeds }]) =>
    feeds.flatMap((feed) => [
      `DELETE FROM ${feed.target}`,
      aggregateSql(feed, measures, `SELECT s.*, 1 AS sign FROM ${source} s`),
    ]),
  ),
];

const TABLES = Object.values(SOURCES).flatMap((source) => source.feeds.map((feed) => feed.target));

export class ReportCoarseRollups1765065600000 implements MigrationInterface {
  name = 'ReportCoarseRollups1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sales_by_month" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', "list_total" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_f64193c5d02c96f5d1a02a8ebcf" PRIMARY KEY ("month", "account_id", "channel"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_month_account_idx" ON "sales_by_month" ("account_id", "month") `);
    await queryRunner.query(`CREATE TABLE "sales_by_month_product" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', "list_total" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_8ece3ea04c1a2322f72307141cd" PRIMARY KEY ("month", "account_id", "channel", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_month_product_account_idx" ON "sales_by_month_product" ("account_id", "month") `);
    await queryRunner.query(`CREATE TABLE "product_sales_by_day" ("day" date NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', "list_total" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_ed970d3ebab006153fb5efe90ba" PRIMARY KEY ("day", "product_id"))`);
    await queryRunner.query(`CREATE TABLE "product_sales_by_month" ("month" date NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', "list_total" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_76910f07c67747edfa73d57f8a1" PRIMARY KEY ("month", "product_id"))`);
    await queryRunner.query(`CREATE TABLE "delivery_by_month" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "lines" integer NOT NULL DEFAULT '0', "lines_from_stock" integer NOT NULL DEFAULT '0', "delivered_lines" integer NOT NULL DEFAULT '0', "on_time_lines" integer NOT NULL DEFAULT '0', "on_time_lines_current" integer NOT NULL DEFAULT '0', "shipped_orders" integer NOT NULL DEFAULT '0', "in_full_orders" integer NOT NULL DEFAULT '0', "delivered_orders" integer NOT NULL DEFAULT '0', "otif_orders" integer NOT NULL DEFAULT '0', "otif_orders_current" integer NOT NULL DEFAULT '0', "ratings" integer NOT NULL DEFAULT '0', "rating_sum" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_eca7ad23b06dc16c04d5bef20a0" PRIMARY KEY ("month", "account_id", "channel"))`);
    await queryRunner.query(`CREATE INDEX "delivery_by_month_account_idx" ON "delivery_by_month" ("account_id", "month") `);
    await queryRunner.query(`CREATE TABLE "cycle_time_by_month" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "hours" integer NOT NULL, "orders" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_8692fd9cfc7c9a1aaffe5a3f186" PRIMARY KEY ("month", "account_id", "channel", "hours"))`);
    await queryRunner.query(
      `CREATE TABLE "sales_by_day_stripe" ("day" date NOT NULL, "stripe" smallint NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', "list_total" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_44cea662d9811d7e7b8383e2d61" PRIMARY KEY ("day", "stripe"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "delivery_by_day_stripe" ("day" date NOT NULL, "stripe" smallint NOT NULL, "lines" integer NOT NULL DEFAULT '0', "lines_from_stock" integer NOT NULL DEFAULT '0', "delivered_lines" integer NOT NULL DEFAULT '0', "on_time_lines" integer NOT NULL DEFAULT '0', "on_time_lines_current" integer NOT NULL DEFAULT '0', "shipped_orders" integer NOT NULL DEFAULT '0', "in_full_orders" integer NOT NULL DEFAULT '0', "delivered_orders" integer NOT NULL DEFAULT '0', "otif_orders" integer NOT NULL DEFAULT '0', "otif_orders_current" integer NOT NULL DEFAULT '0', "ratings" integer NOT NULL DEFAULT '0', "rating_sum" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_33b1e8c310784cd0ab0db1fbac4" PRIMARY KEY ("day", "stripe"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cycle_time_hours_by_day" ("day" date NOT NULL, "hours" integer NOT NULL, "orders" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e454ef812b3d16192df6cb879ab" PRIMARY KEY ("day", "hours"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cycle_time_hours_by_month" ("month" date NOT NULL, "hours" integer NOT NULL, "orders" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_966fc84d3a270eb0d789ec8f92d" PRIMARY KEY ("month", "hours"))`,
    );
    await queryRunner.query(`CREATE TABLE "promise_accuracy_by_month" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "days_late" integer NOT NULL, "lines" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_2b329379559fc8b930efbfe0eae" PRIMARY KEY ("month", "account_id", "channel", "days_late"))`);

    for (const [source, { measures, feeds }] of Object.entries(SOURCES)) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(`
CREATE FUNCTION ${functionName(source, operation)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM ${CHANGED[operation]}) THEN RETURN NULL; END IF;
  ${feeds.map((feed) => upsertSql(feed, measures, DELTAS[operation])).join('\n  ')}
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER ${source}_coarse_${operation} AFTER ${operation.toUpperCase()} ON ${source}
      REFERENCING ${REFERENCING[operation]} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(source, operation)}()`);
      }
    }
    for (const sql of REBUILD_COARSE_ROLLUPS_SQL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const source of Object.keys(SOURCES)) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(`DROP TRIGGER ${source}_coarse_${operation} ON ${source}`);
        await queryRunner.query(`DROP FUNCTION ${functionName(source, operation)}()`);
      }
    }
    for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
