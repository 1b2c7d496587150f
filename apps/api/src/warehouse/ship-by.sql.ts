/**
 * A line's ship date is its latest split's (ship complete: the order's
 * latest); the order must leave by the earliest such date among lines with
 * units still to ship. Shared with the board.
 */
export const SHIP_BY_SQL = (order: string) => `(
  SELECT CASE WHEN bool_or(d.open_line)
              THEN CASE WHEN ${order}.ship_complete THEN max(d.ship) ELSE min(d.ship) FILTER (WHERE d.open_line) END
         END
    FROM (SELECT l.shipped_qty < l.quantity AS open_line,
                 (SELECT max(x ->> 'shipDate') FROM jsonb_array_elements(l.promise -> 'splits') x) AS ship
            FROM order_lines l WHERE l.order_id = ${order}.id) d)`;
