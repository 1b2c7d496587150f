import { EntityManager } from 'typeorm';
import { addBusinessDays } from '@tradecounter/domain';

/** Three suppliers, each the primary one of a few categories. */
const SUPPLIERS = [
  { code: 'FASTCO', name: 'Fastco Industrial', email: 'orders@fastco.example', leadTimeDays: 5 },
  { code: 'NORDPAK', name: 'Nordpak Packaging', email: 'sales@nordpak.example', leadTimeDays: 8 },
  { code: 'VOLTLINE', name: 'Voltline Trade Supply', email: 'po@voltline.example', leadTimeDays: 12 },
] as const;

const SUPPLIER_OF_CATEGORY: Record<string, string> = {
  Fasteners: 'FASTCO',
  Tools: 'FASTCO',
  'Gloves & PPE': 'FASTCO',
  'Safety Signage': 'FASTCO',
  Packaging: 'NORDPAK',
  'Paper & Dispensers': 'NORDPAK',
  'Cleaning Chemicals': 'NORDPAK',
  'Office Supplies': 'NORDPAK',
  Electrical: 'VOLTLINE',
  Plumbing: 'VOLTLINE',
};

/**
 * Suppliers, the purchasing facts of every demo product (cost about 60 % of
 * list, packs of 1, 6, 12 or 24, the default safety and review days), one
 * sent purchase order whose line is a receipt on the inbound page, and one
 * draft. One statement per table: the seed stays fast.
 */
export async function seedDemoPurchasing(
  tx: EntityManager,
  today: string,
  holidays: ReadonlySet<string>,
): Promise<void> {
  await tx.query(
    `INSERT INTO suppliers (code, name, email, lead_time_days)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
    [
      SUPPLIERS.map((s) => s.code),
      SUPPLIERS.map((s) => s.name),
      SUPPLIERS.map((s) => s.email),
      SUPPLIERS.map((s) => s.leadTimeDays),
    ],
  );
  // Packs by a hash of the SKU; the supplier by category (others: the first supplier).
  await tx.query(
    `INSERT INTO product_supply (product_id, supplier_code, supplier_sku, unit_cost, pack_size)
     SELECT p.id, coalesce(m.supplier, 'FASTCO'), coalesce(m.supplier, 'FASTCO') || '-' || p.sku,
            round(p.list_price * 0.6, 2), (ARRAY[1, 6, 12, 24])[1 + abs(hashtext(p.sku)) % 4]
       FROM products p
       LEFT JOIN jsonb_each_text($1::jsonb) AS m(category, supplier) ON m.category = p.category`,
    [JSON.stringify(SUPPLIER_OF_CATEGORY)],
  );
  // The sent order: a well-stocked packaging product at Chicago with nothing else inbound,
  // so no journey's promise depends on it.
  const [product] = (await tx.query(
    `SELECT p.id, ps.unit_cost AS "unitCost", ps.pack_size AS "packSize"
       FROM products p JOIN product_supply ps ON ps.product_id = p.id
       JOIN stock s ON s.product_id = p.id AND s.warehouse_code = 'CHI'
      WHERE p.category = 'Packaging' AND s.on_hand >= 100
        AND NOT EXISTS (SELECT 1 FROM inbound i WHERE i.product_id = p.id)
      ORDER BY p.sku LIMIT 1`,
  )) as { id: string; unitCost: string; packSize: number }[];
  if (!product) return;
  const expectedDate = addBusinessDays(today, 8, holidays);
  await tx.query(
    `WITH po AS (
       INSERT INTO purchase_orders (number, supplier_code, status, notes, sent_at)
       VALUES ('PO-' || lpad(nextval('purchase_order_number_seq')::text, 6, '0'), 'NORDPAK', 'sent',
               'Deliver to dock 3, mornings only', now())
       RETURNING id
     ), line AS (
       INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, warehouse_code, quantity, unit_cost, expected_date)
       SELECT id, 1, $1, 'CHI', $2, $3, $4 FROM po RETURNING id
     ), receipt AS (
       INSERT INTO inbound (product_id, warehouse_code, qty, expected_date, purchase_order_line_id)
       SELECT $1, 'CHI', $2, $4, id FROM line RETURNING id, purchase_order_line_id
     )
     INSERT INTO purchase_order_events (purchase_order_id, kind, data)
     SELECT id, k.kind, NULL FROM po, unnest(ARRAY['created', 'sent']) AS k(kind)`,
    [
      product.id,
      product.packSize * Math.max(2, Math.ceil(48 / product.packSize)),
      product.unitCost,
      expectedDate,
    ],
  );
  // A statement's CTEs cannot see each other's new rows: the line learns its receipt after.
  await tx.query(
    `UPDATE purchase_order_lines l SET inbound_id = i.id FROM inbound i WHERE i.purchase_order_line_id = l.id`,
  );
  await tx.query(
    `WITH po AS (
       INSERT INTO purchase_orders (number, supplier_code, status, notes)
       VALUES ('PO-' || lpad(nextval('purchase_order_number_seq')::text, 6, '0'), 'VOLTLINE', 'draft', NULL)
       RETURNING id
     ), line AS (
       INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, warehouse_code, quantity, unit_cost)
       SELECT po.id, 1, p.id, 'RNO', 24, ps.unit_cost
         FROM po, products p JOIN product_supply ps ON ps.product_id = p.id
        WHERE p.category = 'Electrical' ORDER BY p.sku LIMIT 1
     )
     INSERT INTO purchase_order_events (purchase_order_id, kind) SELECT id, 'created' FROM po`,
  );
}
