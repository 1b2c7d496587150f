import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Reporting rollups, kept by triggers in the same transaction as every
 * order change (migration 1764892800000-report-rollups), so a dashboard
 * reads a few thousand rows for a year, never the order lines. Days are in
 * the deployment time zone (report_settings). Cancelled and rejected orders
 * are not in them (domain.md: excluded from sales figures).
 */
const rollupMoney = { type: 'numeric', precision: 16, scale: 2, default: 0 } as const;

/** Orders, units and net sales per day, account and channel. */
@Entity({ name: 'sales_by_day' })
@Index('sales_by_day_account_idx', ['accountId', 'day'])
export class SalesByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}

/** Units and line totals per day, account, channel and product. */
@Entity({ name: 'sales_by_day_product' })
@Index('sales_by_day_product_account_idx', ['accountId', 'day'])
@Index('sales_by_day_product_product_idx', ['productId', 'day'])
export class SalesByDayProductEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** Order lines: an order has at most one line per product, so also the orders with the product. */
  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}

/** One row: the time zone the rollups' days are in. Boot rebuilds them when the deployment's differs. */
@Entity({ name: 'report_settings' })
@Check('report_settings_one_row', `id`)
export class ReportSettingsEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  id: boolean;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;
}
