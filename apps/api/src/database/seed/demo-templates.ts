import { EntityManager } from 'typeorm';

/** ACME's saved lists, made by its buyer: what the templates page and "to cart" show on a fresh demo. */
const TEMPLATES = [
  { name: 'Weekly restock', category: null, lines: 6, packs: 2 },
  { name: 'Site safety kit', category: 'Gloves & PPE', lines: 4, packs: 1 },
];

/**
 * Order templates for ACME, drawn from the catalog in SKU order, each line in
 * whole packs at or above the product's minimum, so every line goes to the
 * cart as it stands.
 */
export async function seedDemoTemplates(tx: EntityManager): Promise<void> {
  for (const template of TEMPLATES) {
    await tx.query(
      `WITH buyer AS (
         SELECT u.id AS user_id, u.account_id FROM users u WHERE u.email = 'buyer@acme.test'),
       made AS (
         INSERT INTO order_templates (account_id, created_by, name)
         SELECT account_id, user_id, $1 FROM buyer RETURNING id, account_id),
       picked AS (
         SELECT id AS product_id, min_order_qty * $4 AS quantity, row_number() OVER (ORDER BY sku) AS line_no
           FROM products WHERE active AND ($2::text IS NULL OR category = $2)
          ORDER BY sku LIMIT $3)
       INSERT INTO order_template_lines (template_id, account_id, line_no, product_id, quantity)
       SELECT made.id, made.account_id, picked.line_no, picked.product_id, picked.quantity FROM made, picked`,
      [template.name, template.category, template.lines, template.packs],
    );
  }
}
