import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events handed on after commit: the outbox, filled by a trigger on
 * order_events (so an order change and its outbox row are one transaction,
 * whatever code wrote the event) that also wakes the dispatchers with
 * NOTIFY; webhook subscriptions and their deliveries; in-app notifications.
 *
 * Bulk loads of history can skip the outbox with
 * `SET LOCAL tradecounter.outbox = 'off'`.
 */
export class Outbox1764806400000 implements MigrationInterface {
  name = 'Outbox1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "topic" text NOT NULL, "aggregate_id" uuid NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_dispatched_idx" ON "outbox" ("dispatched_at") WHERE dispatched_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "outbox_pending_idx" ON "outbox" ("available_at", "id") WHERE dispatched_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "order_id" uuid, "event_id" bigint, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_user_idx" ON "notifications" ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "events" text array NOT NULL, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "subscription_id" uuid NOT NULL, "event_id" text NOT NULL, "event_type" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" ("subscription_id", "id") `);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_5a4f82441ed359b5f135a109804" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_23eb2b6ae801c52cfb79a556b8a" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // One statement-level trigger: a placement's or a re-promise's many events become outbox rows in one insert.
    await queryRunner.query(`
      CREATE FUNCTION order_events_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('tradecounter.outbox', true) = 'off' THEN
          RETURN NULL;
        END IF;
        INSERT INTO outbox (topic, aggregate_id, payload)
        SELECT 'order.' || e.kind, e.order_id,
               jsonb_build_object(
                 'eventId', e.id::text, 'orderId', e.order_id, 'orderNumber', o.number,
                 'accountId', o.account_id, 'accountCode', a.code, 'placedBy', o.placed_by,
                 'actorId', e.actor_id, 'subtotal', o.subtotal::text, 'currency', o.currency,
                 'kind', e.kind, 'from', e.from_status, 'to', e.to_status, 'reason', e.reason,
                 'data', e.data, 'at', e.at)
          FROM inserted e
          JOIN orders o ON o.id = e.order_id
          JOIN accounts a ON a.id = o.account_id
         ORDER BY e.id;
        IF FOUND THEN
          PERFORM pg_notify('tc_outbox', '');
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER order_events_outbox AFTER INSERT ON order_events
      REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION order_events_to_outbox()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "order_events_outbox" ON "order_events"`);
    await queryRunner.query(`DROP FUNCTION "order_events_to_outbox"()`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
