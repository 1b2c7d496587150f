import { businessDaysBetween, type IsoDate } from '../availability/calendar';
import { share } from '../reports/figures';

/*
 * Supplier performance (domain.md, "Purchasing"; docs/replenishment.md).
 *
 * - A purchase line counts in the period holding its expected date (lines of
 *   sent, partly received, received or closed purchase orders; drafts and
 *   cancelled ones never were due).
 * - It completed on the day of the receipt that brought its cumulative
 *   received quantity up to the quantity ordered (receipts taken in date
 *   order). A line closed short never completed.
 * - In full on time: completed on or before its expected date.
 * - Days late: business days after the expected date up to the completing
 *   receipt (0 when on time), averaged over the completed lines.
 * - Overdue: units still open and the expected date before today.
 */

export interface PurchaseLineFacts {
  supplierCode: string;
  expectedDate: IsoDate;
  quantity: number;
  /** Units still expected: quantity − received − closed, at least 0. */
  open: number;
  /** Each receipt of the line: the day (warehouse time) and the units. */
  receipts: readonly { on: IsoDate; qty: number }[];
}

export interface SupplierPerformanceFigures {
  supplierCode: string;
  lines: number;
  inFullOnTime: number;
  inFullOnTimeShare: number | null;
  averageDaysLate: number | null;
  overdueLines: number;
}

/** The day the cumulative received reached the quantity; null while it has not. */
export function completedOn(line: Pick<PurchaseLineFacts, 'quantity' | 'receipts'>): IsoDate | null {
  const receipts = [...line.receipts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let received = 0;
  for (const receipt of receipts) {
    received += receipt.qty;
    if (received >= line.quantity) return receipt.on;
  }
  return null;
}

/** Per supplier (in the order first met), the figures of its lines due in the period. */
export function supplierPerformance(
  lines: readonly PurchaseLineFacts[],
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
  holidays: ReadonlySet<IsoDate>,
): SupplierPerformanceFigures[] {
  const tallies = new Map<string, { lines: number; onTime: number; late: number[]; overdue: number }>();
  for (const line of lines) {
    if (line.expectedDate < period.from || line.expectedDate > period.to) continue;
    const tally = tallies.get(line.supplierCode) ?? { lines: 0, onTime: 0, late: [], overdue: 0 };
    tallies.set(line.supplierCode, tally);
    tally.lines++;
    const done = completedOn(line);
    if (done !== null) {
      if (done <= line.expectedDate) tally.onTime++;
      tally.late.push(businessDaysBetween(line.expectedDate, done, holidays));
    }
    if (line.open > 0 && line.expectedDate < today) tally.overdue++;
  }
  return [...tallies].map(([supplierCode, tally]) => ({
    supplierCode,
    lines: tally.lines,
    inFullOnTime: tally.onTime,
    inFullOnTimeShare: share(tally.onTime, tally.lines),
    averageDaysLate: tally.late.length === 0 ? null : hundredths(sum(tally.late) / tally.late.length),
    overdueLines: tally.overdue,
  }));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A mean for reading, to the hundredth. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}
