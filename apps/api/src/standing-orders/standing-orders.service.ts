import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldError, Page, StandingOrder, StandingOrderSummary } from '@tradecounter/contracts';
import {
  accountScope,
  addCalendarDays,
  effectiveAccountId,
  isRunOfSchedule,
  nextRunDate,
  poPatternProblem,
  scheduleProblems,
  StandingOrderTimeline,
  StandingSchedule,
} from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { LineResolver } from '../catalog/line-resolver';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import { PriceCalculator } from '../pricing/price-calculator';
import type {
  CreateStandingOrderDto,
  StandingOrderScheduleDto,
  UpdateStandingOrderDto,
} from './dto/standing-order.dto';
import {
  scheduleColumns,
  scheduleOf,
  timelineOf,
  toStandingOrder,
  toStandingOrderSummary,
} from './standing-order.mapper';
import {
  StandingOrderFields,
  StandingOrderRow,
  StandingOrdersRepository,
} from './standing-orders.repository';

/** How many past runs a standing order shows. */
const RUNS_SHOWN = 50;

/**
 * Standing orders: made, changed, paused and skipped by the account's
 * customer users, by its account manager or an admin; read by managers too.
 * Another account's standing order is a 404, as a missing one. Every
 * change recomputes `next_run_date`, the one date the runner looks at.
 */
@Injectable()
export class StandingOrdersService {
  constructor(
    private readonly standingOrders: StandingOrdersRepository,
    private readonly accounts: AccountsService,
    private readonly lineResolver: LineResolver,
    private readonly calculator: PriceCalculator,
    private readonly dataSource: DataSource,
  ) {}

  async list(
    actor: AuthUser,
    filter: { accountId?: string; status?: 'active' | 'paused' },
    page: PageRequest,
  ): Promise<Page<StandingOrderSummary>> {
    const [rows, total] = await this.standingOrders.list({ ...filter, scope: accountScope(actor) }, page);
    const ids = rows.map((row) => row.id);
    const [lines, skips] = await Promise.all([
      this.standingOrders.linesOf(ids),
      this.standingOrders.skipsOf(ids),
    ]);
    const today = this.calculator.today();
    return pageOf(
      rows.map((row) =>
        toStandingOrderSummary(
          row,
          lines.filter((line) => line.standingOrderId === row.id),
          skips.get(row.id) ?? [],
          today,
        ),
      ),
      total,
      page,
    );
  }

  async get(actor: AuthUser, id: string): Promise<StandingOrder> {
    const row = await this.standingOrders.find(accountScope(actor), id);
    if (!row) throw notFound('Standing order');
    const [lines, skips, runs] = await Promise.all([
      this.standingOrders.linesOf([id]),
      this.standingOrders.skipsOf([id]),
      this.standingOrders.runsOf(id, RUNS_SHOWN),
    ]);
    return toStandingOrder(row, lines, skips.get(id) ?? [], runs, this.calculator.today());
  }

  async create(actor: AuthUser, body: CreateStandingOrderDto): Promise<StandingOrder> {
    const accountId = effectiveAccountId(actor, body.accountId);
    if (!accountId) {
      throw badRequest('Name the account the standing order is for', [
        { field: 'accountId', message: 'is required when staff make a standing order' },
      ]);
    }
    await this.accounts.requireReadable(actor, accountId);
    const today = this.calculator.today();
    const schedule = checkedSchedule(body.schedule);
    const startDate = body.startDate ?? today;
    const fields: StandingOrderFields = {
      name: body.name?.trim() || 'Standing order',
      status: 'active',
      shippingAddressId: body.shippingAddressId,
      poPattern: body.poPattern?.trim() || null,
      ...scheduleColumns(schedule),
      startDate,
      endDate: body.endDate ?? null,
      resumeOn: null,
      nextRunDate: null,
    };
    checkFields(fields);
    const lines = await this.orderableLines(body.lines);
    const id = await this.dataSource.transaction(async (tx) => {
      await this.checkAddress(tx, accountId, fields);
      fields.nextRunDate = nextRunDate(timelineOf(fields, []), startDate > today ? startDate : today);
      const created = await this.standingOrders.insert(tx, accountId, actor.id, fields);
      await this.standingOrders.replaceLines(tx, created, lines);
      return created;
    });
    return this.get(actor, id);
  }

  async update(actor: AuthUser, id: string, body: UpdateStandingOrderDto): Promise<StandingOrder> {
    const lines = body.lines ? await this.orderableLines(body.lines) : undefined;
    const today = this.calculator.today();
    await this.dataSource.transaction(async (tx) => {
      const row = await this.lockedRow(tx, actor, id);
      const fields = changedFields(row, body, today);
      checkFields(fields);
      if (body.shippingAddressId !== undefined || body.poPattern !== undefined) {
        await this.checkAddress(tx, row.accountId, fields);
      }
      const skips = (await this.standingOrders.skipsOf([id], tx)).get(id) ?? [];
      fields.nextRunDate = await this.dueDate(tx, row, timelineOf(fields, skips), today);
      await this.standingOrders.update(tx, id, fields);
      if (lines) await this.standingOrders.replaceLines(tx, id, lines);
    });
    return this.get(actor, id);
  }

  /** Skips a future run date of the schedule (default: the next run). */
  async skip(actor: AuthUser, id: string, runDate: string | undefined): Promise<StandingOrder> {
    const today = this.calculator.today();
    await this.dataSource.transaction(async (tx) => {
      const row = await this.lockedRow(tx, actor, id);
      const skips = (await this.standingOrders.skipsOf([id], tx)).get(id) ?? [];
      const timeline = timelineOf(row, skips);
      const date = runDate ?? (await this.dueDate(tx, row, timeline, today));
      if (date === null) throw conflict('The standing order has no next run to skip');
      await this.checkFutureRun(tx, row, timeline, date, today);
      await this.standingOrders.addSkip(tx, id, date, actor.id);
      const nextRun = await this.dueDate(tx, row, timelineOf(row, [...skips, date]), today);
      await this.standingOrders.update(tx, id, { nextRunDate: nextRun });
    });
    return this.get(actor, id);
  }

  /** Takes a skip back: the date runs again. */
  async unskip(actor: AuthUser, id: string, runDate: string): Promise<StandingOrder> {
    const today = this.calculator.today();
    await this.dataSource.transaction(async (tx) => {
      const row = await this.lockedRow(tx, actor, id);
      if (runDate < today) throw runDateProblem('is past; only future runs can be changed');
      if (!(await this.standingOrders.removeSkip(tx, id, runDate)))
        throw runDateProblem('is not a skipped run');
      const skips = (await this.standingOrders.skipsOf([id], tx)).get(id) ?? [];
      const nextRun = await this.dueDate(tx, row, timelineOf(row, skips), today);
      await this.standingOrders.update(tx, id, { nextRunDate: nextRun });
    });
    return this.get(actor, id);
  }

  private async lockedRow(tx: EntityManager, actor: AuthUser, id: string): Promise<StandingOrderRow> {
    const row = await this.standingOrders.find(accountScope(actor), id, tx, { lock: true });
    if (!row) throw notFound('Standing order');
    return row;
  }

  private async checkFutureRun(
    tx: EntityManager,
    row: StandingOrderRow,
    timeline: StandingOrderTimeline,
    date: string,
    today: string,
  ): Promise<void> {
    if (!isRunOfSchedule(timeline, date)) throw runDateProblem('is not a run date of the schedule');
    if (date < today) throw runDateProblem('is past; only future runs can be skipped');
    if (await this.standingOrders.hasRun(tx, row.id, date)) {
      throw conflict('That run has already taken place', [{ field: 'runDate', message: 'has already run' }]);
    }
  }

  /**
   * The date the runner should handle next: the first run from today (or
   * from a run still waiting from the last days, the system having been
   * down), never one it has handled already.
   */
  private async dueDate(
    tx: EntityManager,
    row: StandingOrderRow,
    timeline: StandingOrderTimeline,
    today: string,
  ): Promise<string | null> {
    const lastRun = await this.standingOrders.lastRunDate(tx, row.id);
    const pending = row.nextRunDate !== null && row.nextRunDate < today ? row.nextRunDate : today;
    const afterLast = lastRun ? addCalendarDays(lastRun, 1) : pending;
    const from = [pending, afterLast, timeline.startDate].reduce((a, b) => (a > b ? a : b));
    return nextRunDate(timeline, from);
  }

  private async orderableLines(asked: { productId?: string; sku?: string; quantity: number }[]) {
    const resolved = await this.lineResolver.resolve(asked, { packRules: true });
    return resolved.map((line) => ({ productId: line.product.id, quantity: line.quantity }));
  }

  /** The address is one of the account's, and an account that requires a PO number gets one. */
  private async checkAddress(
    tx: EntityManager,
    accountId: string,
    fields: StandingOrderFields,
  ): Promise<void> {
    const locked = await this.accounts.lockForOrdering(tx, accountId, fields.shippingAddressId);
    if (!locked) throw notFound('Account');
    if (!locked.address) {
      throw badRequest('The shipping address is not one of the account’s', [
        { field: 'shippingAddressId', message: 'is not one of the account’s shipping addresses' },
      ]);
    }
    if (locked.account.requiresPo && !fields.poPattern) {
      throw badRequest('This account requires a PO number on every order', [
        { field: 'poPattern', message: 'is required for this account (e.g. "SO-{yyyy}{mm}{dd}")' },
      ]);
    }
  }
}

function checkedSchedule(body: StandingOrderScheduleDto): StandingSchedule {
  const problems = scheduleProblems(body);
  if (problems.length > 0) throw badRequest('The schedule is not one a standing order can have', problems);
  return body.every === 'week'
    ? { every: 'week', interval: body.interval, weekday: body.weekday ?? 1 }
    : { every: 'month', interval: body.interval, dayOfMonth: body.dayOfMonth ?? 1 };
}

function checkFields(fields: StandingOrderFields): void {
  const errors: FieldError[] = [];
  const pattern = fields.poPattern === null ? null : poPatternProblem(fields.poPattern);
  if (pattern) errors.push({ field: 'poPattern', message: pattern });
  if (fields.endDate !== null && fields.endDate < fields.startDate) {
    errors.push({ field: 'endDate', message: 'must not be before startDate' });
  }
  if (errors.length > 0) throw badRequest('The standing order cannot be saved as it stands', errors);
}

/** The row with the change applied: setting `active` ends a pause and its resume date. */
function changedFields(
  row: StandingOrderRow,
  body: UpdateStandingOrderDto,
  today: string,
): StandingOrderFields {
  const status = body.status ?? row.status;
  let resumeOn = body.resumeOn !== undefined ? body.resumeOn : row.resumeOn;
  if (status === 'active') {
    if (body.resumeOn) {
      throw badRequest('Only a paused standing order resumes on a date', [
        { field: 'resumeOn', message: 'is for a paused standing order (send status "paused" with it)' },
      ]);
    }
    resumeOn = null;
  }
  if (body.resumeOn && body.resumeOn <= today) {
    throw badRequest('The resume date must be in the future', [
      { field: 'resumeOn', message: 'must be after today' },
    ]);
  }
  return {
    name: body.name?.trim() ?? row.name,
    status,
    shippingAddressId: body.shippingAddressId ?? row.shippingAddressId,
    poPattern: body.poPattern !== undefined ? body.poPattern?.trim() || null : row.poPattern,
    ...scheduleColumns(body.schedule ? checkedSchedule(body.schedule) : scheduleOf(row)),
    startDate: body.startDate ?? row.startDate,
    endDate: body.endDate !== undefined ? body.endDate : row.endDate,
    resumeOn,
    nextRunDate: row.nextRunDate,
  };
}

function runDateProblem(message: string) {
  return badRequest(`The run date ${message}`, [{ field: 'runDate', message }]);
}
