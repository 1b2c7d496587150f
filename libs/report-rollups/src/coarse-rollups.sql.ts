/**
 * The coarse report rollups, each the sum of a finer rollup (sales_by_day,
 * delivery_by_day, …) over some of its dimensions: their definitions, used
 * by migration 1765065600000 to create the tables' triggers, and the SQL
 * that rebuilds them from the finer rollups after a bulk load.
 */

/** A coarser rollup fed by a finer one: its key columns and their expressions over the finer row. */
export interface Feed {
  target: string;
  key: [column: string, expression: string][];
}

/** Each finer rollup: the measures its coarser ones sum, and what it feeds. */
export interface Source {
  measures: string[];
  feeds: Feed[];
}

const month = `date_trunc('month', d.day::timestamp)::date`;
const SALES = ['orders', 'units', 'net_sales', 'list_total'];
const perMonth = (target: string, ...columns: string[]): Feed => ({
  target,
  key: [['month', month], ...columns.map((column): [string, string] => [column, `d.${column}`])],
});

/**
 * Per day over every account and channel, kept in STRIPES rows a day by a
 * hash of the account: one row a day would be updated, and locked until
 * commit, by every order of the day; this way only orders of accounts in
 * the same stripe wait for one another (and orders of one account already
 * queue on its credit lock). Readers sum the stripes.
 */
const STRIPES = 16;
const striped = (target: string): Feed => ({
  target,
  key: [
    ['day', 'd.day'],
    ['stripe', `(abs(hashtext(d.account_id::text)) % ${STRIPES})::smallint`],
  ],
});

export const COARSE_ROLLUP_SOURCES: Record<string, Source> = {
  sales_by_day: {
    measures: SALES,
    feeds: [perMonth('sales_by_month', 'account_id', 'channel'), striped('sales_by_day_stripe')],
  },
  sales_by_day_product: {
    measures: SALES,
    feeds: [
      perMonth('sales_by_month_product', 'account_id', 'channel', 'product_id'),
      {
        target: 'product_sales_by_day',
        key: [
          ['day', 'd.day'],
          ['product_id', 'd.product_id'],
        ],
      },
      perMonth('product_sales_by_month', 'product_id'),
    ],
  },
  delivery_by_day: {
    measures: [
      'lines',
      'lines_from_stock',
      'delivered_lines',
      'on_time_lines',
      'on_time_lines_current',
      'shipped_orders',
      'in_full_orders',
      'delivered_orders',
      'otif_orders',
      'otif_orders_current',
      'ratings',
      'rating_sum',
    ],
    feeds: [perMonth('delivery_by_month', 'account_id', 'channel'), striped('delivery_by_day_stripe')],
  },
  cycle_time_by_day: {
    measures: ['orders'],
    feeds: [
      perMonth('cycle_time_by_month', 'account_id', 'channel', 'hours'),
      {
        target: 'cycle_time_hours_by_day',
        key: [
          ['day', 'd.day'],
          ['hours', 'd.hours'],
        ],
      },
      perMonth('cycle_time_hours_by_month', 'hours'),
    ],
  },
  promise_accuracy_by_day: {
    measures: ['lines', 'units'],
    feeds: [perMonth('promise_accuracy_by_month', 'account_id', 'channel', 'days_late')],
  },
};

/** The feed's target rows summed from `delta` (finer rollup rows with a `sign` column), none all zero. */
export function aggregateSql(feed: Feed, measures: string[], delta: string): string {
  const positions = feed.key.map((_, index) => index + 1).join(', ');
  const sums = measures.map((measure) => `sum(d.sign * d.${measure})`);
  return `INSERT INTO ${feed.target} AS r (${[...feed.key.map(([column]) => column), ...measures].join(', ')})
  SELECT ${[...feed.key.map(([, expression]) => expression), ...sums].join(', ')}
    FROM (${delta}) d
   GROUP BY ${positions}
  HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}
   ORDER BY ${positions}`;
}

/**
 * Rebuilds the coarse rollups from the finer ones; run it after
 * ROLLUP_REBUILD_SQL whenever that ran with triggers off (a bulk load).
 * It holds writes to the finer rollups (so order writes) until the
 * transaction ends, so no order's change is counted twice or lost meanwhile.
 */
export const REBUILD_COARSE_ROLLUPS_SQL: readonly string[] = [
  `LOCK TABLE ${Object.keys(COARSE_ROLLUP_SOURCES).join(', ')} IN SHARE MODE`,
  ...Object.entries(COARSE_ROLLUP_SOURCES).flatMap(([source, { measures, feeds }]) =>
    feeds.flatMap((feed) => [
      `DELETE FROM ${feed.target}`,
      aggregateSql(feed, measures, `SELECT s.*, 1 AS sign FROM ${source} s`),
    ]),
  ),
];
