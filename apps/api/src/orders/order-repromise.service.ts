import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromiseChange } from '@tradecounter/contracts';
import {
  currentPromisedDates,
  inboundShipDate,
  type IsoDate,
  promiseDays,
  redateInboundSplit,
} from '@tradecounter/domain';
import type { ReceiptChange } from '../availability/availability.service';
import { LinePromiseUpdate, RepromiseEvent, RepromiseRepository, WaitingLine } from './repromise.repository';

/**
 * Keeps promises honest after placement: when a receipt that order lines
 * wait for is received or its expected date moves, those lines are promised
 * anew (domain.md, rule 3 applied to today), inside the same transaction.
 * The first promised date never changes (reports measure against it); the
 * current one does, and each order that moved gets a `repromised` event
 * naming its lines, old and new dates, and why.
 */
@Injectable()
export class OrderRepromiseService {
  constructor(private readonly repository: RepromiseRepository) {}

  async receiptChanged(tx: EntityManager, change: ReceiptChange): Promise<void> {
    if (change.allocated === 0) return;
    const lines = await this.repository.linesWaitingOn(tx, change.inboundId);
    const today = promiseDays(change.at, change.settings);
    const updates: LinePromiseUpdate[] = [];
    const events: RepromiseEvent[] = [];
    for (const order of groupByOrder(lines)) {
      const splits = order.map((line) => {
        const ship = line.waits ? inboundShipDate(line.receipts, change.settings, today) : null;
        return ship ? redateInboundSplit(line.splits, ship, change.settings) : line.splits;
      });
      const current = currentPromisedDates(
        splits.map((lineSplits) => ({ splits: lineSplits })),
        order[0]?.shipComplete ?? false,
      );
      const changes: PromiseChange[] = [];
      order.forEach((line, index) => {
        const to = current[index] ?? line.currentPromisedDate;
        const moved = JSON.stringify(splits[index]) !== JSON.stringify(line.splits);
        if (moved || to !== line.currentPromisedDate) {
          updates.push({ id: line.id, splits: splits[index] ?? line.splits, current: to });
        }
        if (to !== line.currentPromisedDate) {
          changes.push({ lineNo: line.lineNo, sku: line.sku, from: line.currentPromisedDate, to });
        }
      });
      const orderId = order[0]?.orderId;
      if (orderId && changes.length > 0) events.push({ orderId, reason: reasonFor(change), changes });
    }
    await this.repository.save(tx, change.actorId, updates, events);
  }
}

function groupByOrder(lines: WaitingLine[]): WaitingLine[][] {
  const orders = new Map<string, WaitingLine[]>();
  for (const line of lines) orders.set(line.orderId, [...(orders.get(line.orderId) ?? []), line]);
  return [...orders.values()];
}

function reasonFor(change: ReceiptChange): string {
  if (change.kind === 'received') {
    return `Stock for this order arrived at warehouse ${change.warehouseCode} (it was expected ${spoken(change.from)})`;
  }
  return `Supplier delivery to warehouse ${change.warehouseCode} now expected ${spoken(change.to)} (was ${spoken(change.from)})`;
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2027-01-01` → `Fri 1 Jan 2027`: the reason is read by people. */
function spoken(date: IsoDate): string {
  return DAY.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
}
