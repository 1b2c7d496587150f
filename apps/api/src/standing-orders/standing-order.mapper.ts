import type {
  IsoWeekday,
  StandingOrder,
  StandingOrderRun,
  StandingOrderSchedule,
  StandingOrderSummary,
} from '@tradecounter/contracts';
import { StandingOrderTimeline, StandingSchedule, upcomingRuns } from '@tradecounter/domain';
import type {
  StandingOrderFields,
  StandingOrderLineRow,
  StandingOrderRow,
  StandingOrderRunRow,
} from './standing-orders.repository';

/** How many next runs a standing order shows. */
export const NEXT_RUNS_SHOWN = 12;

export function scheduleOf(
  row: Pick<
    StandingOrderRow,
    'scheduleEvery' | 'scheduleInterval' | 'scheduleWeekday' | 'scheduleDayOfMonth' | 'scheduleLastDay'
  >,
): StandingSchedule {
  return row.scheduleEvery === 'week'
    ? { every: 'week', interval: row.scheduleInterval, weekday: row.scheduleWeekday ?? 1 }
    : {
        every: 'month',
        interval: row.scheduleInterval,
        dayOfMonth: row.scheduleLastDay ? 'last' : (row.scheduleDayOfMonth ?? 1),
      };
}

/** The schedule columns of a schedule. */
export function scheduleColumns(
  schedule: StandingSchedule,
): Pick<
  StandingOrderFields,
  'scheduleEvery' | 'scheduleInterval' | 'scheduleWeekday' | 'scheduleDayOfMonth' | 'scheduleLastDay'
> {
  return {
    scheduleEvery: schedule.every,
    scheduleInterval: schedule.interval,
    scheduleWeekday: schedule.every === 'week' ? schedule.weekday : null,
    scheduleDayOfMonth:
      schedule.every === 'month' && schedule.dayOfMonth !== 'last' ? schedule.dayOfMonth : null,
    scheduleLastDay: schedule.every === 'month' && schedule.dayOfMonth === 'last',
  };
}

export function timelineOf(
  row: Pick<StandingOrderFields, 'status' | 'startDate' | 'endDate' | 'resumeOn'> &
    Parameters<typeof scheduleOf>[0],
  skippedDates: readonly string[],
): StandingOrderTimeline {
  return {
    schedule: scheduleOf(row),
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    resumeOn: row.resumeOn,
    skippedDates: new Set(skippedDates),
  };
}

function toSchedule(schedule: StandingSchedule): StandingOrderSchedule {
  return schedule.every === 'week'
    ? { every: 'week', interval: schedule.interval, weekday: schedule.weekday as IsoWeekday }
    : { every: 'month', interval: schedule.interval, dayOfMonth: schedule.dayOfMonth };
}

export function toStandingOrderSummary(
  row: StandingOrderRow,
  lines: StandingOrderLineRow[],
  skippedDates: readonly string[],
  today: string,
): StandingOrderSummary {
  const timeline = timelineOf(row, skippedDates);
  // A pause whose resume date has come shows as active even before the runner's next pass.
  const resumed = row.status === 'paused' && row.resumeOn !== null && row.resumeOn <= today;
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    accountName: row.accountName,
    status: resumed ? 'active' : row.status,
    lines: lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
    })),
    shippingAddressId: row.shippingAddressId,
    poPattern: row.poPattern,
    schedule: toSchedule(timeline.schedule),
    startDate: row.startDate,
    endDate: row.endDate,
    resumeOn: resumed ? null : row.resumeOn,
    skippedDates: skippedDates.filter((date) => date >= today),
    nextRunDate: row.nextRunDate,
    nextRuns: row.nextRunDate ? upcomingRuns(timeline, row.nextRunDate, NEXT_RUNS_SHOWN) : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Past runs newest first, with the skipped dates that have passed shown as skipped runs. */
export function toRuns(
  runs: StandingOrderRunRow[],
  skippedDates: readonly string[],
  today: string,
): StandingOrderRun[] {
  const recorded: StandingOrderRun[] = runs.map((run) => ({
    runDate: run.runDate,
    status: run.status,
    orderId: run.orderId,
    orderNumber: run.orderNumber,
    droppedLines: run.droppedLines,
    cappedLines: run.cappedLines,
    reason: run.reason,
    at: run.createdAt.toISOString(),
  }));
  const skipped: StandingOrderRun[] = skippedDates
    .filter((date) => date < today)
    .map((date) => ({
      runDate: date,
      status: 'skipped',
      orderId: null,
      orderNumber: null,
      droppedLines: [],
      cappedLines: [],
      reason: 'skipped',
      at: `${date}T00:00:00.000Z`,
    }));
  return [...recorded, ...skipped].sort((a, b) =>
    a.runDate < b.runDate ? 1 : a.runDate > b.runDate ? -1 : 0,
  );
}

export function toStandingOrder(
  row: StandingOrderRow,
  lines: StandingOrderLineRow[],
  skippedDates: readonly string[],
  runs: StandingOrderRunRow[],
  today: string,
): StandingOrder {
  return {
    ...toStandingOrderSummary(row, lines, skippedDates, today),
    runs: toRuns(runs, skippedDates, today),
  };
}
