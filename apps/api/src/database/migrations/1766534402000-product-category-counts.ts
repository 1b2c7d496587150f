import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rows a statement changed on products, signed: inserted rows add, deleted ones subtract. */
const DELTAS = {
  insert: `SELECT category, active, 1 AS sign FROM added`,
  delete: `SELECT category, active, -1 AS sign FROM removed`,
  update: `SELECT category, active, 1 AS sign FROM added UNION ALL SELECT category, active, -1 FROM removed`,
} as const;
const REFERENCING = {
  insert: 'NEW TABLE AS added',
  delete: 'OLD TABLE AS removed',
  update: 'OLD TABLE AS removed NEW TABLE AS added',
} as const;
const OPERATIONS = ['insert', 'update', 'delete'] as const;

/**
 * Products per category (active, and all), kept by statement-level triggers
 * on products: the catalog's total and category list read these few rows
 * instead of counting 100,000 products on every page. Only a statement that
 * changes a count writes (a price change does not), in category order, so
 * concurrent writers never deadlock on these rows.
 */
export class ProductCategoryCounts1766534402000 implements MigrationInterface {
  name = 'ProductCategoryCounts1766534402000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "product_category_counts" ("category" text NOT NULL, "active_products" integer NOT NULL DEFAULT '0', "all_products" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0bb93e59ea2bd868ad7687b815c" PRIMARY KEY ("category"))`,
    );
    for (const operation of OPERATIONS) {
      await queryRunner.query(`CREATE FUNCTION product_category_counts_${operation}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_category_counts AS c (category, active_products, all_products)
  SELECT d.category, sum(d.sign * d.active::int), sum(d.sign)
    FROM (${DELTAS[operation]}) d
   GROUP BY d.category
  HAVING sum(d.sign * d.active::int) <> 0 OR sum(d.sign) <> 0
   ORDER BY d.category
  ON CONFLICT (category) DO UPDATE
     SET active_products = c.active_products + EXCLUDED.active_products,
         all_products = c.all_products + EXCLUDED.all_products;
  RETURN NULL;
END $$`);
      await queryRunner.query(`CREATE TRIGGER products_category_counts_${operation} AFTER ${operation.toUpperCase()} ON products
      REFERENCING ${REFERENCING[operation]} FOR EACH STATEMENT EXECUTE FUNCTION product_category_counts_${operation}()`);
    }
    await queryRunner.query(`INSERT INTO product_category_counts (category, active_products, all_products)
      SELECT category, count(*) FILTER (WHERE active), count(*) FROM products GROUP BY category`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const operation of OPERATIONS) {
      await queryRunner.query(`DROP TRIGGER products_category_counts_${operation} ON products`);
      await queryRunner.query(`DROP FUNCTION product_category_counts_${operation}()`);
    }
    await queryRunner.query(`DROP TABLE "product_category_counts"`);
  }
}
