import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `account_id` on the child rows of quotes, standing orders, templates, carts
 * and returns, copied from their parent, so each can later be distributed by
 * account with its parent (docs/scaling.md). These tables are small and each
 * is written in one repository, which now sets the column. Order lines,
 * events and shipments are left for later: see the map in distribution.ts.
 * No index on the new column: nothing filters on it yet, and a distributed
 * table's primary key will lead with it.
 */
const CHILDREN: { table: string; parent: string; via: string; key?: string; fk: string }[] = [
  { table: 'quote_revisions', parent: 'quotes', via: 'quote_id', fk: 'FK_270c7ae4a2aa95de590d663e090' },
  { table: 'quote_lines', parent: 'quote_revisions', via: 'revision_id', fk: 'FK_371b6924af5a9bd171c326f4462' },
  { table: 'quote_events', parent: 'quotes', via: 'quote_id', fk: 'FK_9e6f5edca1fe5bce928def109b1' },
  { table: 'cart_lines', parent: 'carts', via: 'user_id', key: 'user_id', fk: 'FK_a06819a79cfae69d990a126a59b' },
  { table: 'order_template_lines', parent: 'order_templates', via: 'template_id', fk: 'FK_e53c0d8d6a529ad2c5dcfe5bcd2' },
  { table: 'standing_order_lines', parent: 'standing_orders', via: 'standing_order_id', fk: 'FK_75c4dfa3e833e559b8b4e484594' },
  { table: 'standing_order_previews', parent: 'standing_orders', via: 'standing_order_id', fk: 'FK_f9ab48581085761d1276795adf5' },
  { table: 'standing_order_runs', parent: 'standing_orders', via: 'standing_order_id', fk: 'FK_06765057f67636812f8fd4e0ada' },
  { table: 'standing_order_skips', parent: 'standing_orders', via: 'standing_order_id', fk: 'FK_9789b6726ef2b8a2ea28c8e5b81' },
  { table: 'return_lines', parent: 'returns', via: 'return_id', fk: 'FK_111f8e78c228c5912a96ac1c605' },
  { table: 'return_events', parent: 'returns', via: 'return_id', fk: 'FK_52ad7969f313010d3a7b2890503' },
  { table: 'return_photos', parent: 'returns', via: 'return_id', fk: 'FK_55d089cfee6a5bcb4db4f799903' },
  { table: 'return_receipts', parent: 'returns', via: 'return_id', fk: 'FK_424f794fb4cb853e4f293a99db6' },
  { table: 'return_receipt_lines', parent: 'return_receipts', via: 'receipt_id', fk: 'FK_e22f28652d2b89e9e2df3658184' },
  { table: 'credit_note_lines', parent: 'credit_notes', via: 'credit_note_id', fk: 'FK_7eadb5716e41013f6546fb88aa7' },
];

export class AccountIdOnChildren1766620803000 implements MigrationInterface {
  name = 'AccountIdOnChildren1766620803000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // In order: a parent that is itself a child (quote_revisions, return_receipts) is filled first.
    for (const { table, parent, via, key = 'id', fk } of CHILDREN) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "account_id" uuid`);
      await queryRunner.query(
        `UPDATE "${table}" c SET account_id = p.account_id FROM "${parent}" p WHERE p."${key}" = c."${via}"`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "account_id" SET NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...CHILDREN].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "account_id"`);
    }
  }
}
