/**
 * The one definition of units waiting for the supplier, for every query
 * that needs it (backorder fills on receipt, purchasing's shortfall): an
 * order line `l` of an order `o` still going ahead, whose `backordered_qty`
 * units were promised from `supplier` (beyond stock and inbound) and are
 * neither filled nor allocated to inbound supply yet.
 */

/** Orders still going ahead: what they hold is theirs until they ship or end. */
export const OPEN_ORDER_STATUSES_SQL = `('pending_approval', 'on_hold', 'confirmed', 'picking', 'packed', 'partially_shipped')`;

/** A WHERE condition over `order_lines l JOIN orders o`: the line waits for supplier units. */
export const WAITING_FOR_SUPPLIER_SQL = `l.backordered_qty > 0 AND o.status IN ${OPEN_ORDER_STATUSES_SQL}`;

/** The units it waits for. */
export const WAITING_UNITS_SQL = `l.backordered_qty`;
