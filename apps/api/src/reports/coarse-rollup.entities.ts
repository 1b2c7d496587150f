import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Coarser report rollups (migration 1765065600000-report-coarse-rollups),
 * each the exact sum of a finer rollup in rollup.entities.ts and kept by
 * triggers on it in the same transaction. A report reads the coarsest one
 * that still carries every dimension its filter and grouping need (see
 * rollup-source.ts): a year by product is 12 × products rows instead of
 * 365 × accounts × channels × products. Months are the first day of the
 * month, in the deployment time zone like the days.
 */
const rollupMoney = { type: 'numeric', precision: 16, scale: 2, default: 0 } as const;

/** sales_by_day summed per month. */
@Entity({ name: 'sales_by_month' })
@Index('sales_by_month_account_idx', ['accountId', 'month'])
export class SalesByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

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

  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
}

/** sales_by_day summed over accounts and channels, in stripes by account (see the migration). */
@Entity({ name: 'sales_by_day_stripe' })
export class SalesByDayStripeEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'smallint' })
  stripe: number;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;

  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
}

/** sales_by_day_product summed per month. */
@Entity({ name: 'sales_by_month_product' })
@Index('sales_by_month_product_account_idx', ['accountId', 'month'])
export class SalesByMonthProductEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** Order lines, so also the orders with the product. */
  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;

  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
}

/** sales_by_day_product summed over accounts and channels. */
@Entity({ name: 'product_sales_by_day' })
export class ProductSalesByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;

  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
}

/** product_sales_by_day summed per month. */
@Entity({ name: 'product_sales_by_month' })
export class ProductSalesByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;

  @Column({ name: 'list_total', ...rollupMoney })
  listTotal: string;
}

/** delivery_by_day summed per month. */
@Entity({ name: 'delivery_by_month' })
@Index('delivery_by_month_account_idx', ['accountId', 'month'])
export class DeliveryByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @Column({ type: 'integer', default: 0 })
  lines: number;

  @Column({ name: 'lines_from_stock', type: 'integer', default: 0 })
  linesFromStock: number;

  @Column({ name: 'delivered_lines', type: 'integer', default: 0 })
  deliveredLines: number;

  @Column({ name: 'on_time_lines', type: 'integer', default: 0 })
  onTimeLines: number;

  @Column({ name: 'on_time_lines_current', type: 'integer', default: 0 })
  onTimeLinesCurrent: number;

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

/** delivery_by_day summed over accounts and channels, in stripes by account (see the migration). */
@Entity({ name: 'delivery_by_day_stripe' })
export class DeliveryByDayStripeEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'smallint' })
  stripe: number;

  @Column({ type: 'integer', default: 0 })
  lines: number;

  @Column({ name: 'lines_from_stock', type: 'integer', default: 0 })
  linesFromStock: number;

  @Column({ name: 'delivered_lines', type: 'integer', default: 0 })
  deliveredLines: number;

  @Column({ name: 'on_time_lines', type: 'integer', default: 0 })
  onTimeLines: number;

  @Column({ name: 'on_time_lines_current', type: 'integer', default: 0 })
  onTimeLinesCurrent: number;

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

/** cycle_time_by_day summed per month. */
@Entity({ name: 'cycle_time_by_month' })
export class CycleTimeByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ type: 'integer' })
  hours: number;

  @Column({ type: 'integer', default: 0 })
  orders: number;
}

/** cycle_time_by_day summed over accounts and channels. */
@Entity({ name: 'cycle_time_hours_by_day' })
export class CycleTimeHoursByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'integer' })
  hours: number;

  @Column({ type: 'integer', default: 0 })
  orders: number;
}

/** cycle_time_hours_by_day summed per month. */
@Entity({ name: 'cycle_time_hours_by_month' })
export class CycleTimeHoursByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'integer' })
  hours: number;

  @Column({ type: 'integer', default: 0 })
  orders: number;
}

/** promise_accuracy_by_day summed per month. */
@Entity({ name: 'promise_accuracy_by_month' })
export class PromiseAccuracyByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

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
