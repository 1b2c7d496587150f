import type {
  ProductReturn,
  ReceiveReturnRequest,
  ReturnableLine,
  ReturnCondition,
  ReturnFees,
  ReturnLine,
  ReturnReason,
  ReturnStatus,
  Role,
} from '@tradecounter/contracts';
import {
  creditLineAmounts,
  formatFeePercent,
  formatMoney,
  isFeePercent,
  parseMoney,
} from '@tradecounter/domain';
import { displayDate } from '../shared/date-format';
import { reasonLabel } from './return-words';

/**
 * Whether a delivered line may still come back, in words: "Returnable until
 * 6 Jan 2027", or why not.
 */
export function returnableWords(line: ReturnableLine): string {
  switch (line.blockedBy) {
    case 'not_delivered':
      return 'Not delivered yet';
    case 'not_returnable':
      return 'Not returnable';
    case 'window_closed':
      return line.windowEndsOn
        ? `Return window closed on ${displayDate(line.windowEndsOn)}`
        : 'Return window closed';
    case 'all_returned':
      return 'All returned';
    default:
      return line.windowEndsOn ? `Returnable until ${displayDate(line.windowEndsOn)}` : 'Returnable';
  }
}

/** "10" → "10 %", "12.50" → "12.5 %". */
export function percentWords(percent: string): string {
  return `${isFeePercent(percent) ? formatFeePercent(percent) : percent} %`;
}

export function hasFee(percent: string | undefined): boolean {
  return !!percent && Number(percent) > 0;
}

/** Shown before the buyer asks: "A 10 % restocking fee applies to Not needed". */
export function feeWords(reason: ReturnReason, fees: ReturnFees | undefined): string {
  const percent = fees?.[reason];
  return hasFee(percent)
    ? `A ${percentWords(percent as string)} restocking fee applies to ${reasonLabel(reason)}`
    : `No restocking fee for ${reasonLabel(reason)}`;
}

/**
 * quantity × unit price, less the fee (rounded half up to the cent), exactly
 * in cents, by the domain's credit rule (the one the API's credit notes use):
 * the estimate the buyer sees before asking.
 */
export function lineCredit(unitPrice: string, quantity: number, feePercent: string): string {
  if (!Number.isInteger(quantity) || quantity <= 0) return '0.00';
  const percent = isFeePercent(feePercent) ? feePercent : '0';
  return formatMoney(creditLineAmounts(quantity, unitPrice, percent).total);
}

export interface ReturnChoice {
  unitPrice: string;
  quantity: number;
  reason: ReturnReason;
}

/** The estimated credit of the lines chosen, each at its reason's fee. */
export function estimateCredit(choices: readonly ReturnChoice[], fees: ReturnFees | undefined): string {
  let cents = 0n;
  for (const choice of choices) {
    cents += parseMoney(lineCredit(choice.unitPrice, choice.quantity, fees?.[choice.reason] ?? '0'));
  }
  return formatMoney(cents);
}

export type ReturnAction = 'approve' | 'reject' | 'receive' | 'close';

const DECIDERS: readonly Role[] = ['account_manager', 'admin'];
const RECEIVERS: readonly Role[] = ['warehouse', 'admin'];
const CLOSERS: readonly Role[] = ['account_manager', 'warehouse', 'admin'];

/** What this user may do with the return now (the API checks again). */
export function returnActions(ret: ProductReturn, role: Role | undefined): ReturnAction[] {
  if (!role) return [];
  const actions: ReturnAction[] = [];
  if (ret.status === 'requested' && DECIDERS.includes(role)) actions.push('approve', 'reject');
  if (ret.status === 'approved' && RECEIVERS.includes(role) && outstandingUnits(ret) > 0) {
    actions.push('receive');
  }
  if (ret.status === 'approved' && CLOSERS.includes(role)) actions.push('close');
  return actions;
}

/** Units of a line still expected at the warehouse. */
export function outstanding(line: ReturnLine): number {
  return Math.max(0, line.quantity - line.received);
}

export function outstandingUnits(ret: ProductReturn): number {
  return ret.lines.reduce((sum, line) => sum + outstanding(line), 0);
}

/** One row of the receiving sheet: part of a line, in one condition (a line may have two rows). */
export interface ReceivingRow {
  key: number;
  returnLineId: string;
  quantity: number;
  condition: ReturnCondition;
}

/** The sheet to start from: each outstanding line once, all of it, to restock. */
export function initialRows(ret: ProductReturn): ReceivingRow[] {
  return ret.lines
    .filter((line) => outstanding(line) > 0)
    .map((line, index) => ({
      key: index,
      returnLineId: line.id,
      quantity: outstanding(line),
      condition: 'restock',
    }));
}

/** Splits a row: a second row for the same line in the other condition, with nothing in it yet. */
export function splitRow(rows: readonly ReceivingRow[], key: number): ReceivingRow[] {
  const at = rows.findIndex((row) => row.key === key);
  if (at < 0) return [...rows];
  const row = rows[at];
  const nextKey = Math.max(...rows.map((r) => r.key)) + 1;
  const other: ReturnCondition = row.condition === 'restock' ? 'scrap' : 'restock';
  return [
    ...rows.slice(0, at + 1),
    { key: nextKey, returnLineId: row.returnLineId, quantity: 0, condition: other },
    ...rows.slice(at + 1),
  ];
}

/** Lines whose rows add up to more than is still expected: the line id and by how much. */
export function overReceived(ret: ProductReturn, rows: readonly ReceivingRow[]): Map<string, number> {
  const over = new Map<string, number>();
  for (const line of ret.lines) {
    const counted = rows
      .filter((row) => row.returnLineId === line.id)
      .reduce((sum, row) => sum + (row.quantity > 0 ? row.quantity : 0), 0);
    if (counted > outstanding(line)) over.set(line.id, counted - outstanding(line));
  }
  return over;
}

/** The receipt to post: rows with units, one entry per line and condition. */
export function receiveRequest(rows: readonly ReceivingRow[]): ReceiveReturnRequest {
  const merged = new Map<string, ReceiveReturnRequest['lines'][number]>();
  for (const row of rows) {
    if (!Number.isInteger(row.quantity) || row.quantity <= 0) continue;
    const key = `${row.returnLineId}:${row.condition}`;
    const existing = merged.get(key);
    if (existing) existing.quantity += row.quantity;
    else
      merged.set(key, { returnLineId: row.returnLineId, quantity: row.quantity, condition: row.condition });
  }
  return { lines: [...merged.values()] };
}

export function receivedUnits(rows: readonly ReceivingRow[]): number {
  return rows.reduce(
    (sum, row) => sum + (Number.isInteger(row.quantity) && row.quantity > 0 ? row.quantity : 0),
    0,
  );
}

/** The returns list's first view: account managers and admins their queue, the warehouse what should arrive. */
export function defaultReturnStatus(role: Role | undefined): ReturnStatus | 'all' {
  if (role === 'account_manager' || role === 'admin') return 'requested';
  if (role === 'warehouse') return 'approved';
  return 'all';
}

/** Money strings added exactly. */
export function sumCredits(amounts: readonly string[]): string {
  return formatMoney(amounts.reduce((sum, amount) => sum + parseMoney(amount), 0n));
}
