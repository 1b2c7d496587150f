import {
  aggregateSql,
  COARSE_ROLLUP_SOURCES as SOURCES,
  type Feed,
  REBUILD_COARSE_ROLLUPS_SQL,
} from '@tradecounter/report-rollups';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coarse report rollups (coarse-rollup.entities.ts), each the sum of a finer
 * rollup of 1764892800000 or 1764979200000 over some of its dimensions. They
 * are kept by statement-level triggers on the finer rollups, so whatever
 * changes those (order triggers, a rebuild) changes these in the same
 * transaction, and their definitions follow the finer ones by construction.
 * The definitions (and their rebuild) are in @tradecounter/report-rollups,
 * shared with the history loader; the triggers are this migration's.
 */

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
