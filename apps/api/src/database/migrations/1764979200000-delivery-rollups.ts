import { MigrationInterface, QueryRunner } from 'typeorm';
import { REPORT_ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';

/** Facts of one order's lines that delivery figures count (the same for triggers and rebuilds). */
const ORDER_DELIVERY_FACTS = `
CREATE FUNCTION order_delivery_facts(p_order uuid)
RETURNS TABLE (lines int, lines_from_stock int, delivered_lines int, on_time_lines int, on_time_lines_current int,
               in_full boolean)
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int,
         count(*) FILTER (WHERE l.reserved_at_placement >= l.quantity)::int,
         count(*) FILTER (WHERE d.delivered >= l.quantity)::int,
         count(*) FILTER (WHERE d.delivered >= l.quantity AND d.last_on <= l.first_promised_date)::int,
         count(*) FILTER (WHERE d.delivered >= l.quantity AND d.last_on <= l.current_promised_date)::int,
         coalesce(bool_and(d.shipments = 1 AND d.shipped = l.quantity), false)
    FROM order_lines l
    CROSS JOIN LATERAL line_deliveries(l.id) d
   WHERE l.order_id = p_order
$$`;

/**
 * Delivery rollups (rollup.entities.ts), kept by statement-level triggers
 * like the sales ones, plus what they need: the list price and the units
 * stock covered at placement on each order line, and each shipment line's
 * promised ship date and error in business days. Days are placement days
 * in the deployment time zone; delivery and ship dates are the warehouse's.
 */
export class DeliveryRollups1764979200000 implements MigrationInterface {
  name = 'DeliveryRollups1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // Facts kept on the lines. Lines placed before this: today's list price, stock from the promise's stock splits.
    await q(`ALTER TABLE "order_lines" ADD "list_price" numeric(14,2)`);
    await q(`ALTER TABLE "order_lines" ADD "reserved_at_placement" integer`);
    await q(`UPDATE order_lines l SET list_price = p.list_price,
                    reserved_at_placement = coalesce((SELECT sum((e->>'qty')::int) FROM jsonb_array_elements(l.promise->'splits') e
                                                       WHERE e->>'source' = 'stock'), 0)
               FROM products p WHERE p.id = l.product_id`);
    await q(`ALTER TABLE "order_lines" ALTER COLUMN "list_price" SET NOT NULL`);
    await q(`ALTER TABLE "order_lines" ALTER COLUMN "reserved_at_placement" SET NOT NULL`);

    await q(`
CREATE FUNCTION business_days_between(a date, b date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT count(*)::int FROM generate_series(a + 1, b, interval '1 day') AS g(d)
   WHERE extract(isodow FROM g.d) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g.d::date)
$$`);
    await q(`
CREATE FUNCTION ship_date_error(actual date, promised date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN actual >= promised THEN business_days_between(promised, actual)
              ELSE -business_days_between(actual, promised) END
$$`);
    await q(`
CREATE FUNCTION promised_ship_date_of_unit(splits jsonb, unit integer) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    (SELECT s.ship FROM (SELECT (x.e->>'shipDate')::date AS ship,
                                sum((x.e->>'qty')::int) OVER (ORDER BY (x.e->>'shipDate')::date, x.n
                                                              ROWS UNBOUNDED PRECEDING) AS through, x.n
                           FROM jsonb_array_elements(splits) WITH ORDINALITY AS x(e, n)) s
      WHERE s.through >= unit ORDER BY s.ship, s.n LIMIT 1),
    (SELECT max((e->>'shipDate')::date) FROM jsonb_array_elements(splits) e))
$$`);
    await q(`
CREATE FUNCTION line_deliveries(p_line uuid)
RETURNS TABLE (delivered int, last_on date, shipments int, shipped int) LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(sl.quantity) FILTER (WHERE s.delivered_at IS NOT NULL), 0)::int,
         max((s.delivered_at AT TIME ZONE w.time_zone)::date),
         count(*)::int, coalesce(sum(sl.quantity), 0)::int
    FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
    JOIN orders o ON o.id = s.order_id JOIN warehouses w ON w.code = o.warehouse_code
   WHERE sl.order_line_id = p_line
$$`);
    await q(ORDER_DELIVERY_FACTS);
    await q(`
CREATE FUNCTION order_cycle_hours(p_order uuid, placed_at timestamptz) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT floor(extract(epoch FROM max(s.shipped_at) - placed_at) / 3600)::int FROM shipments s WHERE s.order_id = p_order
$$`);

    // Shipment lines: promised ship date of the last unit carried and the error, fixed when inserted.
    await q(`ALTER TABLE "shipment_lines" ADD "promised_ship_date" date`);
    await q(`ALTER TABLE "shipment_lines" ADD "ship_error_days" integer`);
    await q(`UPDATE shipment_lines sl SET promised_ship_date = v.promised,
                    ship_error_days = ship_date_error(v.shipped_on, v.promised)
               FROM (SELECT sl.shipment_id, sl.order_line_id, (s.shipped_at AT TIME ZONE w.time_zone)::date AS shipped_on,
                            promised_ship_date_of_unit(l.promise->'splits',
                              sum(sl.quantity) OVER (PARTITION BY sl.order_line_id ORDER BY s.shipped_at, s.id)::int) AS promised
                       FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                       JOIN order_lines l ON l.id = sl.order_line_id JOIN orders o ON o.id = l.order_id
                       JOIN warehouses w ON w.code = o.warehouse_code) v
              WHERE sl.shipment_id = v.shipment_id AND sl.order_line_id = v.order_line_id`);
    await q(`ALTER TABLE "shipment_lines" ALTER COLUMN "promised_ship_date" SET NOT NULL`);
    await q(`ALTER TABLE "shipment_lines" ALTER COLUMN "ship_error_days" SET NOT NULL`);
    await q(`
CREATE FUNCTION shipment_line_promise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE shipped_on date;
BEGIN
  SELECT (s.shipped_at AT TIME ZONE w.time_zone)::date,
         promised_ship_date_of_unit(l.promise->'splits',
           NEW.quantity + coalesce((SELECT sum(p.quantity) FROM shipment_lines p WHERE p.order_line_id = l.id), 0)::int)
    INTO shipped_on, NEW.promised_ship_date
    FROM shipments s JOIN order_lines l ON l.id = NEW.order_line_id
    JOIN orders o ON o.id = l.order_id JOIN warehouses w ON w.code = o.warehouse_code
   WHERE s.id = NEW.shipment_id;
  NEW.ship_error_days := ship_date_error(shipped_on, NEW.promised_ship_date);
  RETURN NEW;
END $$`);
    await q(`CREATE TRIGGER shipment_lines_promise BEFORE INSERT ON shipment_lines
      FOR EACH ROW WHEN (NEW.promised_ship_date IS NULL) EXECUTE FUNCTION shipment_line_promise()`);

    // Sales rollups learn the list value (savings = list_total − net_sales).
    await q(`ALTER TABLE "sales_by_day" ADD "list_total" numeric(16,2) NOT NULL DEFAULT '0'`);
    await q(`ALTER TABLE "sales_by_day_product" ADD "list_total" numeric(16,2) NOT NULL DEFAULT '0'`);
    await this.replaceSalesTriggers(queryRunner);

    await q(`CREATE TABLE "delivery_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "lines" integer NOT NULL DEFAULT '0', "lines_from_stock" integer NOT NULL DEFAULT '0', "delivered_lines" integer NOT NULL DEFAULT '0', "on_time_lines" integer NOT NULL DEFAULT '0', "on_time_lines_current" integer NOT NULL DEFAULT '0', "shipped_orders" integer NOT NULL DEFAULT '0', "in_full_orders" integer NOT NULL DEFAULT '0', "delivered_orders" integer NOT NULL DEFAULT '0', "otif_orders" integer NOT NULL DEFAULT '0', "otif_orders_current" integer NOT NULL DEFAULT '0', "ratings" integer NOT NULL DEFAULT '0', "rating_sum" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_delivery_by_day" PRIMARY KEY ("day", "account_id", "channel"))`);
    await q(`CREATE INDEX "delivery_by_day_account_idx" ON "delivery_by_day" ("account_id", "day") `);
    await q(`CREATE TABLE "cycle_time_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "hours" integer NOT NULL, "orders" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_cycle_time_by_day" PRIMARY KEY ("day", "account_id", "channel", "hours"))`);
    await q(`CREATE TABLE "promise_accuracy_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "days_late" integer NOT NULL, "lines" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_promise_accuracy_by_day" PRIMARY KEY ("day", "account_id", "channel", "days_late"))`);
    await q(`CREATE TABLE "backlog_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "value" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_backlog_by_day" PRIMARY KEY ("day", "account_id", "channel"))`);

    await this.createDeliveryTriggers(queryRunner);
    for (const sql of REPORT_ROLLUP_REBUILD_SQL) await queryRunner.query(sql, [null]);
  }

  private async replaceSalesTriggers(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION rollup_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_by_day AS r (day, account_id, channel, units, list_total)
  SELECT report_day(o.placed_at), o.account_id, o.channel, sum(n.quantity), sum(n.list_price * n.quantity)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET units = r.units + EXCLUDED.units, list_total = r.list_total + EXCLUDED.list_total;
  INSERT INTO sales_by_day_product AS r (day, account_id, channel, product_id, orders, units, net_sales, list_total)
  SELECT report_day(o.placed_at), o.account_id, o.channel, n.product_id, count(*), sum(n.quantity), sum(n.line_total),
         sum(n.list_price * n.quantity)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales, list_total = r.list_total + EXCLUDED.list_total;
  RETURN NULL;
END $$`);
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION rollup_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_by_day AS r (day, account_id, channel, orders, units, net_sales, list_total)
  SELECT report_day(a.placed_at), a.account_id, a.channel, sum(m.sign), sum(m.sign * coalesce(l.units, 0)),
         sum(m.sign * a.subtotal), sum(m.sign * coalesce(l.list_total, 0))
    FROM after a JOIN before b ON b.id = a.id
   CROSS JOIN LATERAL (SELECT CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END AS sign) m
    LEFT JOIN LATERAL (SELECT sum(quantity) AS units, sum(list_price * quantity) AS list_total
                         FROM order_lines WHERE order_id = a.id) l ON true
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected'))
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales, list_total = r.list_total + EXCLUDED.list_total;
  INSERT INTO sales_by_day_product AS r (day, account_id, channel, product_id, orders, units, net_sales, list_total)
  SELECT report_day(a.placed_at), a.account_id, a.channel, l.product_id, sum(m.sign), sum(m.sign * l.quantity),
         sum(m.sign * l.line_total), sum(m.sign * l.list_price * l.quantity)
    FROM after a JOIN before b ON b.id = a.id JOIN order_lines l ON l.order_id = a.id
   CROSS JOIN LATERAL (SELECT CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END AS sign) m
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected'))
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales, list_total = r.list_total + EXCLUDED.list_total;
  RETURN NULL;
END $$`);
  }

  private async createDeliveryTriggers(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // New lines: fill rate and backlog (orders count once, when their first open line arrives).
    await q(`
CREATE FUNCTION delivery_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivery_by_day AS r (day, account_id, channel, lines, lines_from_stock)
  SELECT report_day(o.placed_at), o.account_id, o.channel, count(*), count(*) FILTER (WHERE n.reserved_at_placement >= n.quantity)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET lines = r.lines + EXCLUDED.lines, lines_from_stock = r.lines_from_stock + EXCLUDED.lines_from_stock;
  INSERT INTO backlog_by_day AS r (day, account_id, channel, orders, units, value)
  SELECT report_day(o.placed_at), o.account_id, o.channel,
         count(DISTINCT o.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM order_lines x WHERE x.order_id = o.id
                                      AND x.shipped_qty < x.quantity AND x.id NOT IN (SELECT id FROM inserted))),
         sum(n.quantity - n.shipped_qty), sum((n.quantity - n.shipped_qty) * n.unit_price)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected') AND n.shipped_qty < n.quantity
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units, value = r.value + EXCLUDED.value;
  RETURN NULL;
END $$`);
    await q(`CREATE TRIGGER order_lines_delivery_insert AFTER INSERT ON order_lines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION delivery_lines_inserted()`);

    // Shipped units leave the backlog; an order leaves it with its last open line.
    await q(`
CREATE FUNCTION delivery_lines_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT a.order_id, sum((a.quantity - a.shipped_qty) - (b.quantity - b.shipped_qty)) AS units,
           sum((a.quantity - a.shipped_qty) * a.unit_price - (b.quantity - b.shipped_qty) * b.unit_price) AS value
      FROM after a JOIN before b ON b.id = a.id
     WHERE a.quantity - a.shipped_qty <> b.quantity - b.shipped_qty OR a.unit_price <> b.unit_price
     GROUP BY a.order_id
  ), per_order AS (
    SELECT o.placed_at, o.account_id, o.channel, c.units, c.value,
           (SELECT coalesce(sum(x.quantity - x.shipped_qty), 0) FROM order_lines x WHERE x.order_id = o.id) AS open_after
      FROM changed c JOIN orders o ON o.id = c.order_id
     WHERE o.status NOT IN ('cancelled', 'rejected')
  )
  INSERT INTO backlog_by_day AS r (day, account_id, channel, orders, units, value)
  SELECT report_day(placed_at), account_id, channel,
         sum(CASE WHEN open_after > 0 AND open_after - units = 0 THEN 1
                  WHEN open_after = 0 AND open_after - units > 0 THEN -1 ELSE 0 END),
         sum(units), sum(value)
    FROM per_order GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units, value = r.value + EXCLUDED.value;
  RETURN NULL;
END $$`);
    await q(`CREATE TRIGGER order_lines_delivery_update AFTER UPDATE ON order_lines
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION delivery_lines_updated()`);

    // Orders: cancelled or rejected (lines and backlog off, or back on), fully shipped, delivered.
    await q(`
CREATE FUNCTION delivery_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivery_by_day AS r (day, account_id, channel, lines, lines_from_stock, shipped_orders, in_full_orders,
                                    delivered_orders, otif_orders, otif_orders_current)
  SELECT report_day(a.placed_at), a.account_id, a.channel,
         sum(CASE WHEN t.counts <> t.counted THEN t.sign * f.lines ELSE 0 END),
         sum(CASE WHEN t.counts <> t.counted THEN t.sign * f.lines_from_stock ELSE 0 END),
         count(*) FILTER (WHERE t.shipped),
         count(*) FILTER (WHERE t.shipped AND f.in_full),
         count(*) FILTER (WHERE t.delivered),
         count(*) FILTER (WHERE t.delivered AND f.delivered_lines = f.lines AND f.on_time_lines = f.lines),
         count(*) FILTER (WHERE t.delivered AND f.delivered_lines = f.lines AND f.on_time_lines_current = f.lines)
    FROM after a JOIN before b ON b.id = a.id
   CROSS JOIN LATERAL (SELECT a.status NOT IN ('cancelled', 'rejected') AS counts,
                              b.status NOT IN ('cancelled', 'rejected') AS counted,
                              CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END AS sign,
                              a.status IN ('shipped', 'delivered') AND b.status NOT IN ('shipped', 'delivered') AS shipped,
                              a.status = 'delivered' AND b.status <> 'delivered' AS delivered) t
   CROSS JOIN LATERAL order_delivery_facts(a.id) f
   WHERE t.counts <> t.counted OR t.shipped OR t.delivered
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET lines = r.lines + EXCLUDED.lines, lines_from_stock = r.lines_from_stock + EXCLUDED.lines_from_stock,
         shipped_orders = r.shipped_orders + EXCLUDED.shipped_orders,
         in_full_orders = r.in_full_orders + EXCLUDED.in_full_orders,
         delivered_orders = r.delivered_orders + EXCLUDED.delivered_orders,
         otif_orders = r.otif_orders + EXCLUDED.otif_orders,
         otif_orders_current = r.otif_orders_current + EXCLUDED.otif_orders_current;

  INSERT INTO cycle_time_by_day AS r (day, account_id, channel, hours, orders)
  SELECT report_day(a.placed_at), a.account_id, a.channel, order_cycle_hours(a.id, a.placed_at), count(*)
    FROM after a JOIN before b ON b.id = a.id
   WHERE a.status IN ('shipped', 'delivered') AND b.status NOT IN ('shipped', 'delivered')
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, hours) DO UPDATE SET orders = r.orders + EXCLUDED.orders;

  INSERT INTO backlog_by_day AS r (day, account_id, channel, orders, units, value)
  SELECT report_day(a.placed_at), a.account_id, a.channel, sum(m.sign), sum(m.sign * x.units), sum(m.sign * x.value)
    FROM after a JOIN before b ON b.id = a.id
   CROSS JOIN LATERAL (SELECT CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END AS sign) m
   CROSS JOIN LATERAL (SELECT sum(l.quantity - l.shipped_qty) AS units, sum((l.quantity - l.shipped_qty) * l.unit_price) AS value
                         FROM order_lines l WHERE l.order_id = a.id AND l.shipped_qty < l.quantity) x
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected')) AND x.units > 0
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units, value = r.value + EXCLUDED.value;
  RETURN NULL;
END $$`);
    await q(`CREATE TRIGGER orders_delivery_update AFTER UPDATE ON orders
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION delivery_orders_updated()`);

    // Deliveries: lines whose last units arrive, on time or not against the first and the current promise.
    await q(`
CREATE FUNCTION delivery_shipments_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivery_by_day AS r (day, account_id, channel, delivered_lines, on_time_lines, on_time_lines_current)
  SELECT report_day(o.placed_at), o.account_id, o.channel, count(*),
         count(*) FILTER (WHERE d.last_on <= l.first_promised_date),
         count(*) FILTER (WHERE d.last_on <= l.current_promised_date)
    FROM (SELECT sl.order_line_id, sum(sl.quantity) AS arrived
            FROM after a JOIN before b ON b.id = a.id JOIN shipment_lines sl ON sl.shipment_id = a.id
           WHERE a.delivered_at IS NOT NULL AND b.delivered_at IS NULL
           GROUP BY sl.order_line_id) n
    JOIN order_lines l ON l.id = n.order_line_id
    JOIN orders o ON o.id = l.order_id
   CROSS JOIN LATERAL line_deliveries(l.id) d
   WHERE d.delivered >= l.quantity AND d.delivered - n.arrived < l.quantity
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET delivered_lines = r.delivered_lines + EXCLUDED.delivered_lines,
         on_time_lines = r.on_time_lines + EXCLUDED.on_time_lines,
         on_time_lines_current = r.on_time_lines_current + EXCLUDED.on_time_lines_current;
  RETURN NULL;
END $$`);
    await q(`CREATE TRIGGER shipments_delivery_update AFTER UPDATE ON shipments
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION delivery_shipments_updated()`);

    await q(`
CREATE FUNCTION delivery_shipment_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO promise_accuracy_by_day AS r (day, account_id, channel, days_late, lines, units)
  SELECT report_day(o.placed_at), o.account_id, o.channel, n.ship_error_days, count(*), sum(n.quantity)
    FROM inserted n JOIN order_lines l ON l.id = n.order_line_id JOIN orders o ON o.id = l.order_id
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, days_late) DO UPDATE
     SET lines = r.lines + EXCLUDED.lines, units = r.units + EXCLUDED.units;
  RETURN NULL;
END $$`);
    await q(`CREATE TRIGGER shipment_lines_delivery_insert AFTER INSERT ON shipment_lines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION delivery_shipment_lines_inserted()`);

    // Ratings: one per order, changeable.
    await q(`
CREATE FUNCTION delivery_ratings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO delivery_by_day AS r (day, account_id, channel, ratings, rating_sum)
    SELECT report_day(o.placed_at), o.account_id, o.channel, count(*), sum(n.score)
      FROM new_rows n JOIN orders o ON o.id = n.order_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, account_id, channel) DO UPDATE
       SET ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE delivery_by_day r SET ratings = r.ratings - g.n, rating_sum = r.rating_sum - g.score
      FROM (SELECT report_day(o.placed_at) AS day, o.account_id, o.channel, count(*) AS n, sum(x.score) AS score
              FROM old_rows x JOIN orders o ON o.id = x.order_id GROUP BY 1, 2, 3) g
     WHERE r.day = g.day AND r.account_id = g.account_id AND r.channel = g.channel;
  END IF;
  RETURN NULL;
END $$`);
    for (const [event, referencing] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await q(`CREATE TRIGGER delivery_ratings_${event.toLowerCase()} AFTER ${event} ON delivery_ratings
        REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION delivery_ratings_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const event of ['insert', 'update', 'delete']) await q(`DROP TRIGGER delivery_ratings_${event} ON delivery_ratings`);
    await q(`DROP TRIGGER shipment_lines_delivery_insert ON shipment_lines`);
    await q(`DROP TRIGGER shipments_delivery_update ON shipments`);
    await q(`DROP TRIGGER orders_delivery_update ON orders`);
    await q(`DROP TRIGGER order_lines_delivery_update ON order_lines`);
    await q(`DROP TRIGGER order_lines_delivery_insert ON order_lines`);
    await q(`DROP TRIGGER shipment_lines_promise ON shipment_lines`);
    for (const fn of ['delivery_ratings_changed', 'delivery_shipment_lines_inserted', 'delivery_shipments_updated',
                      'delivery_orders_updated', 'delivery_lines_updated', 'delivery_lines_inserted', 'shipment_line_promise']) {
      await q(`DROP FUNCTION ${fn}()`);
    }
    await q(`DROP TABLE "backlog_by_day"`);
    await q(`DROP TABLE "promise_accuracy_by_day"`);
    await q(`DROP TABLE "cycle_time_by_day"`);
    await q(`DROP TABLE "delivery_by_day"`);
    await q(`DROP FUNCTION order_cycle_hours(uuid, timestamptz)`);
    await q(`DROP FUNCTION order_delivery_facts(uuid)`);
    await q(`DROP FUNCTION line_deliveries(uuid)`);
    await q(`DROP FUNCTION promised_ship_date_of_unit(jsonb, integer)`);
    await q(`DROP FUNCTION ship_date_error(date, date)`);
    await q(`DROP FUNCTION business_days_between(date, date)`);
    await q(`ALTER TABLE "sales_by_day_product" DROP COLUMN "list_total"`);
    await q(`ALTER TABLE "sales_by_day" DROP COLUMN "list_total"`);
    await q(`ALTER TABLE "shipment_lines" DROP COLUMN "ship_error_days"`);
    await q(`ALTER TABLE "shipment_lines" DROP COLUMN "promised_ship_date"`);
    await q(`ALTER TABLE "order_lines" DROP COLUMN "reserved_at_placement"`);
    await q(`ALTER TABLE "order_lines" DROP COLUMN "list_price"`);
  }
}
