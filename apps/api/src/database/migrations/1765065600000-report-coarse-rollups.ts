import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coarse sales rollups (coarse-rollup.entities.ts), each the sum of a finer
 * rollup of 1764892800000-report-rollups over some of its dimensions. They
 * are kept by statement-level triggers on the finer rollups, so whatever
 * changes those (order triggers, a rebuild) changes these in the same
 * transaction, and their definitions follow the finer ones by construction.
 */

/** What each finer rollup feeds: the target, its key columns and the expressions over the finer row. */
interface Feed {
  target: string;
  key: [column: string, expression: string][];
}

const MEASURES = ['orders', 'units', 'net_sales'];
const month = (column: string) => `date_trunc('month', d.${column}::timestamp)::date`;

const FEEDS: Record<'sales_by_day' | 'sales_by_day_product', Feed[]> = {
  sales_by_day: [
    {
      target: 'sales_by_month',
      key: [
        ['month', month('day')],
        ['account_id', 'd.account_id'],
        ['channel', 'd.channel'],
      ],
    },
  ],
  sales_by_day_product: [
    {
      target: 'sales_by_month_product',
      key: [
        ['month', month('day')],
        ['account_id', 'd.account_id'],
        ['channel', 'd.channel'],
        ['product_id', 'd.product_id'],
      ],
    },
    {
      target: 'product_sales_by_day',
      key: [
        ['day', 'd.day'],
        ['product_id', 'd.product_id'],
      ],
    },
    {
      target: 'product_sales_by_month',
      key: [
        ['month', month('day')],
        ['product_id', 'd.product_id'],
      ],
    },
  ],
};

/** The feed's target rows summed from `delta` (finer rollup rows with a `sign` column), none all zero. */
function aggregateSql(feed: Feed, delta: string): string {
  const positions = feed.key.map((_, index) => index + 1).join(', ');
  const sums = MEASURES.map((measure) => `sum(d.sign * d.${measure})`);
  return `INSERT INTO ${feed.target} AS r (${[...feed.key.map(([column]) => column), ...MEASURES].join(', ')})
  SELECT ${[...feed.key.map(([, expression]) => expression), ...sums].join(', ')}
    FROM (${delta}) d
   GROUP BY ${positions}
  HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}
   ORDER BY ${positions}`;
}

/** Adds the signed rows of `delta` to the feed's target (in key order, so concurrent writers never deadlock). */
function upsertSql(feed: Feed, delta: string): string {
  return `${aggregateSql(feed, delta)}
  ON CONFLICT (${feed.key.map(([column]) => column).join(', ')}) DO UPDATE
     SET ${MEASURES.map((measure) => `${measure} = r.${measure} + EXCLUDED.${measure}`).join(', ')};`;
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
const OPERATIONS = ['insert', 'update', 'delete'] as const;

const functionName = (source: string, operation: string) => `coarse_rollups_${source}_${operation}`;

/**
 * Rebuilds the coarse rollups from the finer ones; run it after
 * REBUILD_ROLLUPS_SQL whenever that ran with triggers off (a bulk load).
 * It holds writes to the finer rollups (so order writes) until the
 * transaction ends, so no order's change is counted twice or lost meanwhile.
 */
export const REBUILD_COARSE_ROLLUPS_SQL = [
  `LOCK TABLE ${Object.keys(FEEDS).join(', ')} IN SHARE MODE`,
  ...Object.entries(FEEDS).flatMap(([source, feeds]) =>
    feeds.flatMap((feed) => [
    `DELETE FROM ${feed.target}`,
      aggregateSql(feed, `SELECT s.*, 1 AS sign FROM ${source} s`),
    ]),
  ),
];

export class ReportCoarseRollups1765065600000 implements MigrationInterface {
  name = 'ReportCoarseRollups1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sales_by_month" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_f64193c5d02c96f5d1a02a8ebcf" PRIMARY KEY ("month", "account_id", "channel"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_month_account_idx" ON "sales_by_month" ("account_id", "month") `);
    await queryRunner.query(`CREATE TABLE "sales_by_month_product" ("month" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_8ece3ea04c1a2322f72307141cd" PRIMARY KEY ("month", "account_id", "channel", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_month_product_account_idx" ON "sales_by_month_product" ("account_id", "month") `);
    await queryRunner.query(`CREATE TABLE "product_sales_by_day" ("day" date NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_ed970d3ebab006153fb5efe90ba" PRIMARY KEY ("day", "product_id"))`);
    await queryRunner.query(`CREATE TABLE "product_sales_by_month" ("month" date NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_76910f07c67747edfa73d57f8a1" PRIMARY KEY ("month", "product_id"))`);

    for (const [source, feeds] of Object.entries(FEEDS)) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(`
CREATE FUNCTION ${functionName(source, operation)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${feeds.map((feed) => upsertSql(feed, DELTAS[operation])).join('\n  ')}
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER ${source}_coarse_${operation} AFTER ${operation.toUpperCase()} ON ${source}
      REFERENCING ${REFERENCING[operation]} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(source, operation)}()`);
      }
    }
    for (const sql of REBUILD_COARSE_ROLLUPS_SQL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const source of Object.keys(FEEDS)) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(`DROP TRIGGER ${source}_coarse_${operation} ON ${source}`);
        await queryRunner.query(`DROP FUNCTION ${functionName(source, operation)}()`);
      }
    }
    await queryRunner.query(`DROP TABLE "product_sales_by_month"`);
    await queryRunner.query(`DROP TABLE "product_sales_by_day"`);
    await queryRunner.query(`DROP TABLE "sales_by_month_product"`);
    await queryRunner.query(`DROP TABLE "sales_by_month"`);
  }
}
