/**
 * Where every table would live in a Citus cluster, decided on purpose
 * (docs/scaling.md explains the path). distribution.api-spec.ts fails when a
 * table is missing here, when an account-scoped table lacks `account_id`, or
 * when a foreign key could not exist under this distribution.
 *
 * - `account`: one account's data, distributed by `account_id` and
 *   co-located, so a buyer's requests stay on one shard. `pendingVia` names
 *   the parent the account is still reached through where the column is not
 *   there yet (too large to backfill cheaply today, or written on the order
 *   placement path); the spec fails once the column exists, so the entry is
 *   updated with it.
 * - `reference`: shared, small or rarely written, read in joins with account
 *   data: replicated to every node.
 * - `local`: stays on the coordinator: queues, logs, auth state, process
 *   bookkeeping and global rollups nothing joins from a shard.
 */
export type TableScope = 'account' | 'reference' | 'local';

export interface TablePlacement {
  scope: TableScope;
  why: string;
  /** Account tables only: the column is not there yet; the account is reached through this parent. */
  pendingVia?: string;
}

const account = (why: string, pendingVia?: string): TablePlacement => ({ scope: 'account', why, pendingVia });
const reference = (why: string): TablePlacement => ({ scope: 'reference', why });
const local = (why: string): TablePlacement => ({ scope: 'local', why });

const ROLLUP_BY_ACCOUNT =
  'report rollup keyed by account, maintained by triggers in the same transaction as the rows it counts: co-located with them; reports aggregate across shards';
const GLOBAL_ROLLUP =
  'report rollup with no account (striped or per product): under Citus it is maintained from the outbox on the coordinator, not by shard triggers';

export const TABLE_PLACEMENT: Readonly<Record<string, TablePlacement>> = {
  // The account's own documents.
  orders: account('an account’s orders'),
  order_lines: account(
    'lines of one order',
    'orders (10 lines an order: the largest table; see docs/scaling.md)',
  ),
  order_events: account('history of one order', 'orders (written by placement and every transition)'),
  order_line_allocations: account('inbound units promised to one order line', 'order_lines'),
  order_packages: account('packages of one order', 'orders'),
  order_check_lines: account('packing check of one order', 'orders'),
  check_mismatches: account('packing check mismatches of one order', 'orders'),
  delivery_ratings: account('the buyer’s rating of one order', 'orders'),
  shipments: account('shipments of one order', 'orders'),
  shipment_lines: account('lines of one shipment', 'shipments → orders'),
  wave_orders: account('one order’s place in a pick wave (the wave itself is shared)', 'orders'),
  short_picks: account('short picks of one order line in a wave', 'order_lines → orders'),
  idempotency_keys: account('a buyer’s order request keys', 'orders (written by the placement statement)'),
  account_exposure: account('the account’s open order value, written with its orders'),
  addresses: account('the account’s delivery addresses'),
  contract_prices: account('prices agreed with one account'),
  carts: account('a buyer’s cart'),
  cart_lines: account('lines of a buyer’s cart'),
  order_templates: account('an account’s saved orders'),
  order_template_lines: account('lines of an account’s template'),
  quotes: account('an account’s quote requests'),
  quote_revisions: account('revisions of one quote'),
  quote_lines: account('lines of one quote revision'),
  quote_events: account('history of one quote'),
  standing_orders: account('an account’s repeating orders'),
  standing_order_lines: account('lines of one standing order'),
  standing_order_runs: account('runs of one standing order'),
  standing_order_skips: account('skipped dates of one standing order'),
  standing_order_previews: account('preview notices sent for one standing order'),
  returns: account('an account’s returns'),
  return_lines: account('lines of one return'),
  return_events: account('history of one return'),
  return_photos: account('photos of one return'),
  return_receipts: account('goods received back for one return'),
  return_receipt_lines: account('lines of one return receipt'),
  credit_notes: account('credit notes issued to one account'),
  credit_note_lines: account('lines of one credit note'),
  notifications: account(
    'a user’s notices, each about one account’s order, quote, return or standing order',
    'the subject (order, quote, return or standing order); staff users’ lists then fan out',
  ),

  // Report rollups keyed by account.
  sales_by_day: account(ROLLUP_BY_ACCOUNT),
  sales_by_day_product: account(ROLLUP_BY_ACCOUNT),
  sales_by_month: account(ROLLUP_BY_ACCOUNT),
  sales_by_month_product: account(ROLLUP_BY_ACCOUNT),
  backlog_by_day: account(ROLLUP_BY_ACCOUNT),
  cycle_time_by_day: account(ROLLUP_BY_ACCOUNT),
  cycle_time_by_month: account(ROLLUP_BY_ACCOUNT),
  delivery_by_day: account(ROLLUP_BY_ACCOUNT),
  delivery_by_month: account(ROLLUP_BY_ACCOUNT),
  delivered_by_day: account(ROLLUP_BY_ACCOUNT),
  promise_accuracy_by_day: account(ROLLUP_BY_ACCOUNT),
  promise_accuracy_by_month: account(ROLLUP_BY_ACCOUNT),
  demand_by_day: account(ROLLUP_BY_ACCOUNT),

  // Shared and joined from every shard.
  accounts: reference(
    'the tenant list: a few thousand rows, edited by staff, read in joins by every shard; users (reference) point at it',
  ),
  users: reference(
    'sign-in looks a user up by email before any account is known; staff have no account; few rows, rarely written',
  ),
  products: reference('the catalog: every buyer’s page joins it'),
  product_case_barcodes: reference('case barcodes of products, read by the warehouse scanner'),
  product_category_counts: reference('counts maintained with products'),
  price_tiers: reference('pricing tiers joined with accounts'),
  tier_breaks: reference('tier quantity breaks, joined by every price'),
  tier_fixed_prices: reference('tier fixed prices, joined by every price'),
  warehouses: reference('warehouses and cut-offs, read by every promise'),
  holidays: reference('the delivery calendar, read by every promise'),
  stock: reference(
    'on hand and reserved per product and warehouse: read by every promise, but written by every order — a replicated write hot spot (docs/scaling.md, “Stock”)',
  ),
  inbound: reference('expected supply read by every promise; allocated by orders like stock (same hot spot)'),
  suppliers: reference('the distributor’s suppliers'),
  product_supply: reference('supplier terms per product'),
  purchase_orders: reference('the distributor’s buying, no account; inbound points at its lines'),
  purchase_order_lines: reference('lines of a purchase order; inbound points at them'),
  purchase_order_events: reference('history of a purchase order'),
  purchase_receipts: reference('goods received against a purchase order line'),
  waves: reference('a warehouse pick wave across accounts; wave_orders (account) point at it'),
  channels: reference('API clients, looked up by key before any account is known'),
  channel_accounts: reference('which accounts a channel may act for, checked with the channel on every call'),
  carrier_tracking: reference('tracking URL per carrier, read with shipments'),
  company_settings: reference('one row: the distributor’s letterhead on documents'),
  purchasing_settings: reference('one row of purchasing settings'),
  report_settings: reference('one row: the reporting time zone, read by rollup triggers'),
  return_settings: reference('one row of return settings'),
  return_fees: reference('restocking fee per reason, read when a return is priced'),

  // Coordinator only.
  schema_migrations: local('TypeORM’s migration ledger'),
  outbox: local(
    'a queue claimed with SKIP LOCKED by every process; on the coordinator each order commits on two nodes (docs/scaling.md)',
  ),
  webhook_subscriptions: local('integration settings, read by the webhook worker only'),
  webhook_deliveries: local('the webhook worker’s queue'),
  audit_entries: local('append-only log of staff changes, many with no account; read across accounts'),
  login_failures: local('sign-in throttling counters'),
  refresh_tokens: local('sessions, rotated at every refresh (too hot to replicate)'),
  revoked_sessions: local('revoked session ids checked by auth'),
  user_invitations: local('pending invitation tokens'),
  import_runs: local('staff import jobs (catalog, prices, accounts)'),
  import_rows: local('rows of one import job'),
  product_images: local('image bytes served by product id and never joined: replicating them buys nothing'),
  picks_by_day: local('warehouse picks per product and day, read by the warehouse only'),
  sales_by_day_stripe: local(GLOBAL_ROLLUP),
  delivery_by_day_stripe: local(GLOBAL_ROLLUP),
  product_sales_by_day: local(GLOBAL_ROLLUP),
  product_sales_by_month: local(GLOBAL_ROLLUP),
  cycle_time_hours_by_day: local(GLOBAL_ROLLUP),
  cycle_time_hours_by_month: local(GLOBAL_ROLLUP),
};

/** The distribution column of every account table. */
export const DISTRIBUTION_COLUMN = 'account_id';

export function tablesIn(scope: TableScope): string[] {
  return Object.entries(TABLE_PLACEMENT)
    .filter(([, placement]) => placement.scope === scope)
    .map(([table]) => table)
    .sort();
}

/**
 * What still stands between the account tables and `create_distributed_table`:
 * Citus needs every primary and unique key of a distributed table to include
 * the distribution column, and a foreign key between two distributed tables
 * to join on it. Kept equal to the schema by distribution.api-spec.ts.
 */
export const CITUS_KEY_WORK = {
  primaryKeys: [
    'addresses',
    'cart_lines',
    'carts',
    'check_mismatches',
    'contract_prices',
    'credit_note_lines',
    'credit_notes',
    'delivery_ratings',
    'idempotency_keys',
    'notifications',
    'order_check_lines',
    'order_events',
    'order_line_allocations',
    'order_lines',
    'order_packages',
    'order_template_lines',
    'order_templates',
    'orders',
    'quote_events',
    'quote_lines',
    'quote_revisions',
    'quotes',
    'return_events',
    'return_lines',
    'return_photos',
    'return_receipt_lines',
    'return_receipts',
    'returns',
    'shipment_lines',
    'shipments',
    'short_picks',
    'standing_order_lines',
    'standing_order_previews',
    'standing_order_runs',
    'standing_order_skips',
    'standing_orders',
    'wave_orders',
  ],
  uniqueKeys: [
    'credit_notes(number)',
    'order_lines(line_no, order_id)',
    'order_template_lines(product_id, template_id)',
    'orders(number)',
    'orders(channel, external_ref)',
    'orders(quote_id)',
    'quote_lines(line_no, revision_id)',
    'quote_revisions(quote_id, revision)',
    'quotes(number)',
    'quotes(created_by, idempotency_key)',
    'return_lines(line_no, return_id)',
    'returns(number)',
    'standing_order_runs(run_date, standing_order_id)',
    'wave_orders(order_id)',
  ],
  foreignKeys: [
    'cart_lines(user_id) → carts',
    'check_mismatches(order_id) → orders',
    'credit_note_lines(credit_note_id) → credit_notes',
    'credit_note_lines(return_line_id) → return_lines',
    'credit_notes(return_id) → returns',
    'credit_notes(order_id) → orders',
    'delivery_ratings(order_id) → orders',
    'idempotency_keys(order_id) → orders',
    'notifications(order_id) → orders',
    'notifications(quote_id) → quotes',
    'notifications(standing_order_id) → standing_orders',
    'notifications(return_id) → returns',
    'order_check_lines(order_line_id) → order_lines',
    'order_check_lines(order_id) → orders',
    'order_events(order_id) → orders',
    'order_line_allocations(order_line_id) → order_lines',
    'order_lines(order_id) → orders',
    'order_packages(order_id) → orders',
    'order_template_lines(template_id) → order_templates',
    'orders(shipping_address_id) → addresses',
    'orders(quote_id) → quotes',
    'quote_events(quote_id) → quotes',
    'quote_lines(revision_id) → quote_revisions',
    'quote_revisions(quote_id) → quotes',
    'return_events(return_id) → returns',
    'return_lines(order_line_id) → order_lines',
    'return_lines(replacement_order_id) → orders',
    'return_lines(return_id) → returns',
    'return_photos(return_id) → returns',
    'return_receipt_lines(receipt_id) → return_receipts',
    'return_receipt_lines(return_line_id) → return_lines',
    'return_receipts(return_id) → returns',
    'return_receipts(credit_note_id) → credit_notes',
    'returns(order_id) → orders',
    'shipment_lines(order_line_id) → order_lines',
    'shipment_lines(shipment_id) → shipments',
    'shipments(order_id) → orders',
    'short_picks(order_line_id) → order_lines',
    'standing_order_lines(standing_order_id) → standing_orders',
    'standing_order_previews(standing_order_id) → standing_orders',
    'standing_order_runs(standing_order_id) → standing_orders',
    'standing_order_runs(order_id) → orders',
    'standing_order_skips(standing_order_id) → standing_orders',
    'standing_orders(shipping_address_id) → addresses',
    'wave_orders(order_id) → orders',
  ],
};
