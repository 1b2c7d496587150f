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

  /** The same units at the list price of the day each order was placed (savings = list_total − net_sales). */
  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
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

  /** The same units at the list price of the day each order was placed (savings = list_total − net_sales). */
  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
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

/** Per day placed, account and channel: what delivery figures count (see migration 1764979200000). */
@Entity({ name: 'delivery_by_day' })
@Index('delivery_by_day_account_idx', ['accountId', 'day'])
export class DeliveryByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  /** Lines of orders not cancelled or rejected, and those stock covered fully at placement. */
  @Column({ type: 'integer', default: 0 })
  lines: number;

  @Column({ name: 'lines_from_stock', type: 'integer', default: 0 })
  linesFromStock: number;

  /** Lines with every unit delivered; of them, on time against the first and the current promise. */
  @Column({ name: 'delivered_lines', type: 'integer', default: 0 })
  deliveredLines: number;

  @Column({ name: 'on_time_lines', type: 'integer', default: 0 })
  onTimeLines: number;

  @Column({ name: 'on_time_lines_current', type: 'integer', default: 0 })
  onTimeLinesCurrent: number;

  /** Orders fully shipped; of them, every line in one shipment of its whole quantity. */
  @Column({ name: 'shipped_orders', type: 'integer', default: 0 })
  shippedOrders: number;

  @Column({ name: 'in_full_orders', type: 'integer', default: 0 })
  inFullOrders: number;

  @Column({ name: 'delivered_orders', type: 'integer', default: 0 })
  deliveredOrders: number;

  @Column({ name: 'otif_orders', type: 'integer', default: 0 })
  otifOrders: number;

  @Column({ name: 'otif_orders_current', type: 'integer', default: 0 })
  otifOrdersCurrent: number;

  @Column({ type: 'integer', default: 0 })
  ratings: number;

  @Column({ name: 'rating_sum', type: 'integer', default: 0 })
  ratingSum: number;
}

/** Fully shipped orders by whole hours from placement to last shipment (a histogram for median and p90). */
@Entity({ name: 'cycle_time_by_day' })
export class CycleTimeByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ type: 'integer' })
  hours: number;

  @Column({ type: 'integer', default: 0 })
  orders: number;
}

/** Shipment lines by business days between the promised and the actual ship date. */
@Entity({ name: 'promise_accuracy_by_day' })
export class PromiseAccuracyByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'days_late', type: 'integer' })
  daysLate: number;

  @Column({ type: 'integer', default: 0 })
  lines: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;
}

/** Ordered units not yet shipped, of orders not cancelled or rejected, by the day the order was placed. */
@Entity({ name: 'backlog_by_day' })
export class BacklogByDayEntity {
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

  @Column({ ...rollupMoney })
  value: string;
}

/** Units on delivered shipments per delivery day, account, channel and product (the return rate's delivered side). */
@Entity({ name: 'delivered_by_day' })
@Index('delivered_by_day_account_idx', ['accountId', 'day'])
export class DeliveredByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'bigint', default: 0 })
  units: string;
}
