import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Standing orders (issue 15): the schedule and lines, skipped dates, one run
 * row per scheduled date (UNIQUE (standing_order_id, run_date) is the
 * exactly-once key) and the previews sent. Notifications may name a
 * standing order; "standing" becomes a built-in channel no integration may take.
 */
export class StandingOrders1766102400000 implements MigrationInterface {
  name = 'StandingOrders1766102400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "standing_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "shipping_address_id" uuid NOT NULL, "po_pattern" text, "schedule_every" text NOT NULL, "schedule_interval" smallint NOT NULL, "schedule_weekday" smallint, "schedule_day_of_month" smallint, "schedule_last_day" boolean NOT NULL DEFAULT false, "start_date" date NOT NULL, "end_date" date, "resume_on" date, "next_run_date" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "standing_orders_dates_check" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "standing_orders_schedule_check" CHECK ((schedule_every = 'week' AND schedule_interval BETWEEN 1 AND 52 AND schedule_weekday BETWEEN 1 AND 7 AND schedule_day_of_month IS NULL AND NOT schedule_last_day) OR (schedule_every = 'month' AND schedule_interval BETWEEN 1 AND 12 AND schedule_weekday IS NULL AND ((schedule_day_of_month BETWEEN 1 AND 28 AND NOT schedule_last_day) OR (schedule_day_of_month IS NULL AND schedule_last_day)))), CONSTRAINT "standing_orders_status_check" CHECK (status IN ('active', 'paused')), CONSTRAINT "PK_5bde7c50f20e74a2ac021a11959" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "standing_orders_due_idx" ON "standing_orders" ("next_run_date") WHERE next_run_date IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "standing_orders_account_idx" ON "standing_orders" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "standing_order_lines" ("standing_order_id" uuid NOT NULL, "product_id" uuid NOT NULL, "line_no" integer NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "standing_order_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_15bc31cc20f3a2e9ef923a391dc" PRIMARY KEY ("standing_order_id", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "standing_order_lines_product_idx" ON "standing_order_lines" ("product_id")`);
    await queryRunner.query(`CREATE TABLE "standing_order_previews" ("standing_order_id" uuid NOT NULL, "run_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88a7b8552e5b80812dc2da09f20" PRIMARY KEY ("standing_order_id", "run_date"))`);
    await queryRunner.query(`CREATE TABLE "standing_order_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "standing_order_id" uuid NOT NULL, "run_date" date NOT NULL, "status" text NOT NULL, "order_id" uuid, "dropped_lines" jsonb NOT NULL DEFAULT '[]', "capped_lines" jsonb NOT NULL DEFAULT '[]', "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "standing_order_runs_key" UNIQUE ("standing_order_id", "run_date"), CONSTRAINT "standing_order_runs_status_check" CHECK (status IN ('placed', 'failed', 'missed')), CONSTRAINT "PK_e1d8fd9b126d162b0ec7256171c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "standing_order_runs_order_idx" ON "standing_order_runs" ("order_id")`);
    await queryRunner.query(`CREATE TABLE "standing_order_skips" ("standing_order_id" uuid NOT NULL, "run_date" date NOT NULL, "skipped_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d5c5ec290cb7606a91f36403f85" PRIMARY KEY ("standing_order_id", "run_date"))`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "standing_order_id" uuid`);
    await queryRunner.query(`ALTER TABLE "standing_orders" ADD CONSTRAINT "FK_4d15ecfd36a85e55703ebb5c235" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_orders" ADD CONSTRAINT "FK_d35478e45d540650574a3f47db6" FOREIGN KEY ("shipping_address_id") REFERENCES "addresses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_orders" ADD CONSTRAINT "FK_b02eaa71595b15cc8f9afb4aaf2" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_69eea161155b111820e2c163700" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_lines" ADD CONSTRAINT "FK_ca9401a5372cbce5d215584961c" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_lines" ADD CONSTRAINT "FK_868aed5066e432b0778f9bf5846" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_previews" ADD CONSTRAINT "FK_4b147e6566ffcef4433da196a86" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_runs" ADD CONSTRAINT "FK_16c3e1daf40cec2d380b7d0af6e" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_runs" ADD CONSTRAINT "FK_507e755e94946af7134cf1207e5" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "standing_order_skips" ADD CONSTRAINT "FK_2a7801ee658806ec60eb5e3e709" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "channels_name_check"`);
    await queryRunner.query(`ALTER TABLE "channels" ADD CONSTRAINT "channels_name_check" CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,39}$' AND name NOT IN ('portal', 'phone', 'api', 'csv', 'standing'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "channels_name_check"`);
    await queryRunner.query(`ALTER TABLE "channels" ADD CONSTRAINT "channels_name_check" CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,39}$' AND name NOT IN ('portal', 'phone', 'api', 'csv'))`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_69eea161155b111820e2c163700"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "standing_order_id"`);
    await queryRunner.query(`DROP TABLE "standing_order_previews"`);
    await queryRunner.query(`DROP TABLE "standing_order_skips"`);
    await queryRunner.query(`DROP TABLE "standing_order_runs"`);
    await queryRunner.query(`DROP TABLE "standing_order_lines"`);
    await queryRunner.query(`DROP TABLE "standing_orders"`);
  }
}
