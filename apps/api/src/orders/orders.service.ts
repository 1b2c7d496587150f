import { Inject, Injectable } from '@nestjs/common';
import type {
  CreditStatus,
  OpenOrderLine,
  Order,
  OrderApprovalFacts,
  OrderSummary,
  Page,
} from '@tradecounter/contracts';
import {
  accountScope,
  availableCredit,
  canReadAccount,
  creditDecision,
  formatMoney,
  parseMoney,
} from '@tradecounter/domain';
import type { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { OrderQueryDto } from './dto/order-query.dto';
import { toOpenOrderLine, toOrder, toOrderSummary } from './order.mapper';
import { type OpenLinesFilter, OrdersRepository } from './orders.repository';

/** Reading orders, always within what the caller may see: another account's order is a 404. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    actor: AuthUser,
    query: Omit<OrderQueryDto, 'page' | 'pageSize'>,
    page: PageRequest,
  ): Promise<Page<OrderSummary>> {
    const [rows, total] = await this.orders.list(
      {
        scope: accountScope(actor),
        status: query.status,
        accountId: query.accountId,
        channel: query.channel,
        from: query.from,
        to: query.to,
        search: query.search,
        timeZone: this.config.timeZone,
        sort: query.sort,
        dir: query.dir,
      },
      page,
    );
    return pageOf(rows.map(toOrderSummary), total, page);
  }

  async get(actor: AuthUser, id: string): Promise<Order> {
    const owner = await this.orders.owner(id);
    if (!owner || !canReadAccount(actor, { id: owner.accountId, accountManagerId: owner.accountManagerId })) {
      throw notFound('Order');
    }
    const row = await this.orders.find(id);
    if (!row) throw notFound('Order');
    return toOrder(row);
  }

  /** What an approver weighs: the order's total against the placing buyer's order limit. */
  async approvalFacts(actor: AuthUser, id: string): Promise<OrderApprovalFacts> {
    const owner = await this.orders.owner(id);
    if (!owner || !canReadAccount(actor, { id: owner.accountId, accountManagerId: owner.accountManagerId })) {
      throw notFound('Order');
    }
    const row = await this.orders.approvalFacts(id);
    if (!row) throw notFound('Order');
    const total = parseMoney(row.subtotal);
    const limit = row.orderLimit === null ? null : parseMoney(row.orderLimit);
    return {
      orderId: id,
      status: row.status,
      orderTotal: formatMoney(total),
      orderLimit: limit === null ? null : formatMoney(limit),
      overBy: limit === null ? null : formatMoney(total > limit ? total - limit : 0n),
      placedBy: row.placedById && row.placedByName ? { id: row.placedById, name: row.placedByName } : null,
    };
  }

  /** Every ordered unit not yet shipped, with its current promise. */
  async openLines(
    actor: AuthUser,
    filter: Omit<OpenLinesFilter, 'scope'>,
    page: PageRequest,
  ): Promise<Page<OpenOrderLine>> {
    const [rows, total] = await this.orders.openLines({ ...filter, scope: accountScope(actor) }, page);
    return pageOf(rows.map(toOpenOrderLine), total, page);
  }

  /** What checkout shows before the buyer commits: limit, exposure, what is left, terms. */
  async credit(actor: AuthUser, accountId: string): Promise<CreditStatus> {
    const account = await this.accounts.requireReadable(actor, accountId);
    const exposure = parseMoney((await this.orders.exposure([accountId])).get(accountId) ?? '0');
    const limit = parseMoney(account.creditLimit);
    return {
      accountId,
      creditLimit: formatMoney(limit),
      creditExposure: formatMoney(exposure),
      availableCredit: formatMoney(availableCredit(limit, exposure)),
      paymentTerms: account.paymentTerms,
      onHold: account.status === 'on_hold',
    };
  }

  /** For the accounts context: exposure per account (see AccountsService.provideCreditExposure). */
  async exposure(accountIds: string[]): Promise<Map<string, string>> {
    const sums = await this.orders.exposure(accountIds);
    return new Map(accountIds.map((id) => [id, formatMoney(parseMoney(sums.get(id) ?? '0'))]));
  }

  /**
   * A credit note was issued to the account (inside its transaction, the
   * account's row locked by the caller): its exposure drops by the total,
   * clamped at 0. Answers the account's orders on credit hold that the
   * credit check would now let through (each alone), for their account
   * manager to review; releasing stays a person's decision.
   */
  async creditIssued(
    tx: EntityManager,
    accountId: string,
    amount: string,
  ): Promise<{ id: string; number: string }[]> {
    const { exposure, creditLimit, held } = await this.orders.lowerExposure(tx, accountId, amount);
    const now = parseMoney(exposure);
    return held
      .filter((order) => {
        const total = parseMoney(order.subtotal);
        // A held order counts in the exposure already (unless paid); the check adds it once.
        const others = order.paid ? now : now - total;
        return (
          creditDecision({ total, exposure: others < 0n ? 0n : others, creditLimit: parseMoney(creditLimit) })
            .status === 'confirmed'
        );
      })
      .map((order) => ({ id: order.id, number: order.number }));
  }
}
