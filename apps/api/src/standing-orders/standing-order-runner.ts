import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Order, Problem, StandingOrderRunLineChange } from '@tradecounter/contracts';
import {
  addCalendarDays,
  formatDisplayDate,
  formatMoneyForDisplay,
  isPreviewDue,
  lateRunDecision,
  MAX_DAYS_LATE,
  nextRunDate,
  planRun,
  poNumberFor,
  RunLineFacts,
  RunPlan,
} from '@tradecounter/domain';
import { AvailabilityService } from '../availability/availability.service';
import { ProblemException } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { MadeNotification } from '../notifications/notifications.repository';
import { NotificationsService, StandingOrderNotice } from '../notifications/notifications.service';
import { OrderPlacementService } from '../orders/order-placement.service';
import { PriceCalculator } from '../pricing/price-calculator';
import { timelineOf } from './standing-order.mapper';
import {
  DueStandingOrder,
  RecordedRun,
  StandingOrderLineRow,
  StandingOrderRow,
  StandingOrdersRepository,
} from './standing-orders.repository';

/** The channel every run's order records. */
export const STANDING_CHANNEL = 'standing';

/** What one pass of the runner did. */
export interface RunnerReport {
  placed: number;
  failed: number;
  missed: number;
}

interface RunOutcome {
  run: RecordedRun;
  orderNumber: string | null;
  row: DueStandingOrder;
}

/**
 * Places due standing-order runs, exactly once per scheduled date, whatever
 * the number of API processes and restarts:
 *
 * 1. one transaction claims a batch of due standing orders
 *    (`FOR UPDATE … SKIP LOCKED`): another process skips them and takes others;
 * 2. each run is placed through ordering's own channel placement
 *    (`placeForChannel`, channel `standing`) with the run's key
 *    `<standing order id>/<run date>` as its external reference: should the
 *    process die after an order committed and before step 3, the next claim
 *    places the same key again and gets that same order back;
 * 3. the claim's transaction records each run under the unique
 *    (standing order, run date) key, moves `next_run_date` on, and writes the
 *    notifications, then commits; e-mails go after.
 *
 * A run more than 2 days late (the system was down) is recorded `missed`.
 */
@Injectable()
export class StandingOrderRunner {
  private readonly logger = new Logger(StandingOrderRunner.name);

  constructor(
    private readonly standingOrders: StandingOrdersRepository,
    private readonly placement: OrderPlacementService,
    private readonly availability: AvailabilityService,
    private readonly notifications: NotificationsService,
    private readonly calculator: PriceCalculator,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every run due by today, batch after batch, until none is left (or `stop` says so). */
  async runDue(stop: () => boolean = () => false): Promise<RunnerReport> {
    const report: RunnerReport = { placed: 0, failed: 0, missed: 0 };
    const today = this.calculator.today();
    while (!stop()) {
      const outcomes = await this.runBatch(today);
      if (outcomes === null) break;
      for (const outcome of outcomes) report[outcome.run.status] += 1;
    }
    return report;
  }

  /** One batch in one transaction; null when nothing was due. */
  private async runBatch(today: string): Promise<RunOutcome[] | null> {
    let made: MadeNotification[] = [];
    const outcomes = await this.dataSource.transaction(async (tx) => {
      const due = await this.standingOrders.claimDue(tx, today, this.config.standingOrders.batchSize);
      if (due.length === 0) return null;
      const ids = due.map((row) => row.id);
      const [lines, skips] = await Promise.all([
        this.standingOrders.linesOf(ids, tx),
        this.standingOrders.skipsOf(ids, tx),
      ]);
      const byOrder = groupBy(lines, (line) => line.standingOrderId);
      const results = await mapConcurrently(due, this.config.standingOrders.concurrency, (row) =>
        this.runOne(row, byOrder.get(row.id) ?? [], today),
      );
      const recorded = await this.standingOrders.recordRuns(
        tx,
        results.map((result) => result.run),
      );
      await this.standingOrders.advance(
        tx,
        due.map((row) => {
          const runDate = row.nextRunDate ?? today;
          const resumed = row.status === 'paused' && row.resumeOn !== null && row.resumeOn <= runDate;
          const timeline = timelineOf(resumed ? { ...row, status: 'active' } : row, skips.get(row.id) ?? []);
          return { id: row.id, nextRunDate: nextRunDate(timeline, addCalendarDays(runDate, 1)), resumed };
        }),
      );
      const fresh = results.filter((result) =>
        recorded.has(`${result.run.standingOrderId}/${result.run.runDate}`),
      );
      made = await this.notifications.notifyStandingOrders(tx, fresh.map(runNotice));
      return results;
    });
    if (made.length > 0) await this.notifications.mail(made);
    return outcomes;
  }

  /** One run: missed when too late, else what it can place, placed through ordering. */
  private async runOne(
    row: DueStandingOrder,
    lines: StandingOrderLineRow[],
    today: string,
  ): Promise<RunOutcome> {
    const runDate = row.nextRunDate ?? today;
    const base = { standingOrderId: row.id, runDate, droppedLines: [], cappedLines: [], orderId: null };
    if (lateRunDecision(runDate, today) === 'missed') {
      const reason = `more than ${MAX_DAYS_LATE} days late: the system was not running on ${runDate}`;
      return { row, orderNumber: null, run: { ...base, status: 'missed', reason } };
    }
    for (let attempt = 1; ; attempt++) {
      const plan = planRun(await this.facts(row, lines), { status: row.accountStatus });
      const changes = { droppedLines: plan.dropped, cappedLines: plan.capped };
      if (plan.failure)
        return {
          row,
          orderNumber: null,
          run: { ...base, ...changes, status: 'failed', reason: plan.failure },
        };
      try {
        const placed = await this.placement.placeForChannel(STANDING_CHANNEL, {
          ...this.request(row, plan, runDate),
          externalRef: `${row.id}/${runDate}`,
        });
        // A run placed before a restart: what its order holds, not what today's reading would cut.
        const recorded = placed.created ? changes : changesOfOrder(lines, placed.order, plan);
        return {
          row,
          orderNumber: placed.order.number,
          run: { ...base, ...recorded, status: 'placed', orderId: placed.order.id, reason: null },
        };
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        // Stock taken between reading it and placing: read again once, then give up.
        if (error.getStatus() === 409 && attempt === 1) continue;
        const reason = (error.getResponse() as Problem).detail ?? 'the order was refused';
        return { row, orderNumber: null, run: { ...base, ...changes, status: 'failed', reason } };
      }
    }
  }

  /** The order a run places (or previews). */
  private request(row: StandingOrderRow, plan: RunPlan, runDate: string) {
    return {
      accountId: row.accountId,
      shippingAddressId: row.shippingAddressId,
      poNumber: row.poPattern ? poNumberFor(row.poPattern, runDate) : undefined,
      shipComplete: false,
      notes: `Standing order “${row.name}”, run of ${runDate}`,
      lines: plan.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    };
  }

  /**
   * What the run day knows of each line's product: only a product that
   * cannot be backordered needs what can be promised (read without locks;
   * placement checks it again under its locks).
   */
  private async facts(row: StandingOrderRow, lines: StandingOrderLineRow[]): Promise<RunLineFacts[]> {
    const limited = lines.filter((line) => line.active && !line.backorderable);
    const promisable = new Map<string, number>();
    if (limited.length > 0) {
      const outcome = await this.availability.promise(this.dataSource.manager, {
        accountId: row.accountId,
        at: new Date(),
        lines: limited.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      });
      outcome.lines.forEach((promised, index) => {
        const line = limited[index];
        if (line) promisable.set(line.productId, line.quantity - promised.reservation.fromSupplier);
      });
    }
    return lines.map((line) => ({ ...line, promisable: promisable.get(line.productId) ?? null }));
  }

  /**
   * Previews of the runs 3 business days ahead, each once (whichever process
   * records it first): what the run would place, priced and promised today.
   */
  async sendPreviews(): Promise<number> {
    const today = this.calculator.today();
    const holidays = await this.availability.holidays();
    // Three business days are at most a couple of weeks, even around holidays.
    const candidates = await this.standingOrders.previewCandidates(today, addCalendarDays(today, 14), 500);
    let sent = 0;
    for (const row of candidates) {
      if (!row.nextRunDate || !isPreviewDue(row.nextRunDate, today, holidays)) continue;
      if (await this.sendPreview(row, row.nextRunDate)) sent += 1;
    }
    return sent;
  }

  private async sendPreview(row: StandingOrderRow, runDate: string): Promise<boolean> {
    const lines = await this.standingOrders.linesOf([row.id]);
    const plan = planRun(await this.facts(row, lines), { status: 'active' });
    let body: string;
    if (plan.failure) {
      body = `Nothing can be placed as things stand: ${plan.failure}.`;
    } else {
      try {
        const preview = await this.placement.previewForChannel(this.request(row, plan, runDate));
        body =
          `It will order ${preview.lines.length} line${preview.lines.length === 1 ? '' : 's'} for ` +
          `${formatMoneyForDisplay(preview.subtotal, preview.currency)} at today’s prices, delivered by ` +
          `${formatDisplayDate(preview.earliestDelivery)} at the earliest.`;
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        body = `It cannot be placed as things stand: ${(error.getResponse() as Problem).detail ?? 'refused'}.`;
      }
    }
    body += changesText(plan.dropped, plan.capped);
    let made: MadeNotification[] = [];
    const claimed = await this.dataSource.transaction(async (tx) => {
      if (!(await this.standingOrders.claimPreview(tx, row.id, runDate))) return false;
      made = await this.notifications.notifyStandingOrders(tx, [
        {
          kind: 'standing_order_preview',
          title: `Standing order “${row.name}” runs on ${formatDisplayDate(runDate)}`,
          body,
          accountId: row.accountId,
          createdBy: row.createdBy,
          standingOrderId: row.id,
          orderId: null,
        },
      ]);
      return true;
    });
    if (made.length > 0) await this.notifications.mail(made);
    return claimed;
  }

  /** For the scheduler's log. */
  describe(report: RunnerReport): void {
    if (report.placed + report.failed + report.missed === 0) return;
    this.logger.log(
      `Standing orders: ${report.placed} placed, ${report.failed} failed, ${report.missed} missed`,
    );
  }
}

function runNotice(outcome: RunOutcome): StandingOrderNotice {
  const { run, row } = outcome;
  const changes = changesText(run.droppedLines, run.cappedLines);
  const when = formatDisplayDate(run.runDate);
  const common = {
    accountId: row.accountId,
    createdBy: row.createdBy,
    standingOrderId: row.id,
    orderId: run.orderId,
  };
  if (run.status === 'placed') {
    return {
      ...common,
      kind: 'standing_order_placed',
      title: `Standing order “${row.name}” placed order ${outcome.orderNumber ?? ''}`.trim(),
      body: `The run of ${when} placed order ${outcome.orderNumber ?? ''}.${changes}`,
    };
  }
  return {
    ...common,
    kind: 'standing_order_failed',
    title: `Standing order “${row.name}” placed nothing on ${when}`,
    body: `The run of ${when} could not be placed: ${run.reason ?? 'unknown reason'}.${changes}`,
  };
}

/** " Left out: … Cut down: …", naming every changed line. */
function changesText(dropped: StandingOrderRunLineChange[], capped: StandingOrderRunLineChange[]): string {
  const parts: string[] = [];
  if (dropped.length > 0) {
    parts.push(
      ` Left out: ${dropped.map((line) => `${line.sku} ${line.name} (${line.reason})`).join('; ')}.`,
    );
  }
  if (capped.length > 0) {
    parts.push(
      ` Cut down: ${capped.map((line) => `${line.sku} ${line.name} ${line.requested} → ${line.placed} (${line.reason})`).join('; ')}.`,
    );
  }
  return parts.join('');
}

/** The lines an order already placed holds less of than the standing order asks, named as the plan names them. */
function changesOfOrder(
  lines: StandingOrderLineRow[],
  order: Order,
  plan: RunPlan,
): { droppedLines: StandingOrderRunLineChange[]; cappedLines: StandingOrderRunLineChange[] } {
  const placed = new Map(order.lines.map((line) => [line.productId, line.quantity]));
  const reasons = new Map(
    [...plan.dropped, ...plan.capped].map((change) => [change.productId, change.reason]),
  );
  const changes = lines.flatMap((line) => {
    const quantity = placed.get(line.productId) ?? 0;
    if (quantity >= line.quantity) return [];
    const reason = reasons.get(line.productId) ?? (quantity === 0 ? 'left out' : 'cut down');
    return [
      {
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        requested: line.quantity,
        placed: quantity,
        reason,
      },
    ];
  });
  return {
    droppedLines: changes.filter((change) => change.placed === 0),
    cappedLines: changes.filter((change) => change.placed > 0),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** `work` over every item, at most `limit` at a time, results in the items' order. */
async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
