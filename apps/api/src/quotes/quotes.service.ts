import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Order, OrderPreview, Page, SalesQuote, SalesQuoteSummary } from '@tradecounter/contracts';
import {
  accountScope,
  acceptQuote,
  canReadAccount,
  defaultValidUntil,
  effectiveAccountId,
  formatMoney,
  isCustomerActor,
  mayActOnQuote,
  mayRequestQuote,
  nextQuoteStatus,
  parseMoney,
  type QuoteAction,
  quoteStatusOn,
  quoteToday,
  revisionToQuote,
  sumMoney,
  validUntilProblem,
} from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { AvailabilityService } from '../availability/availability.service';
import { LineResolver, type ResolvedLine } from '../catalog/line-resolver';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, forbidden, notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsService, type QuoteNotificationDraft } from '../notifications/notifications.service';
import { hashRequest, requireKey } from '../orders/idempotency';
import { PriceCalculator } from '../pricing/price-calculator';
import {
  OrderPlacementService,
  type Placement,
  type QuotedPlacement,
} from '../orders/order-placement.service';
import type { AcceptQuoteDto, CreateQuoteDto, QuoteListQueryDto, QuotePricesDto } from './dto/quote.dto';
import { toQuote, toQuoteSummary } from './quote.mapper';
import { acceptanceRefused, notNow, quoteKeyReused } from './quote-problems';
import { type LockedQuote, type NewQuoteLine, QuotesRepository } from './quotes.repository';

/** What `create` did: made the request (201) or found the one the key already made (200). */
export interface QuoteCreation {
  quote: SalesQuote;
  created: boolean;
}

/**
 * Sales quotes (domain.md "Sales quotes"): requests, quoting and revisions,
 * the buyer's answer, and expiry. The rules are libs/domain's quotes/;
 * accepting places the order through OrderPlacementService, with the quoted
 * prices, under the quote's row lock.
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly accounts: AccountsService,
    private readonly lineResolver: LineResolver,
    private readonly availability: AvailabilityService,
    private readonly placement: OrderPlacementService,
    private readonly calculator: PriceCalculator,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(now = new Date()): string {
    return quoteToday(now, this.config.timeZone);
  }

  async create(
    actor: AuthUser,
    body: CreateQuoteDto,
    idempotencyKey: string | undefined,
  ): Promise<QuoteCreation> {
    const key = requireKey(idempotencyKey);
    const requestHash = hashRequest(body);
    const existing = await this.quotes.byIdempotencyKey(this.dataSource.manager, actor.id, key);
    if (existing) return this.replay(actor, existing, requestHash);
    const accountId = effectiveAccountId(actor, body.accountId);
    if (!accountId) {
      throw badRequest('Name the account to ask for', [
        { field: 'accountId', message: 'is required when staff ask for a quote' },
      ]);
    }
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!mayRequestQuote(actor, account))
      throw forbidden('Only the account’s users and its account manager ask for quotes');
    if (account.status === 'closed') throw conflict('The account is closed');
    const today = this.today();
    if (body.requestedDate !== undefined && body.requestedDate < today) {
      throw badRequest('The requested delivery date is in the past', [
        { field: 'requestedDate', message: 'must not be before today' },
      ]);
    }
    const lines = await this.lineResolver.resolve(body.lines, { packRules: true });
    // Read fresh (not from the price book cache): the normal price is kept with the request.
    const book = await this.calculatorPrices(accountId, lines, today, this.dataSource.manager);
    try {
      const made = await this.dataSource.transaction(async (tx) => {
        const inserted = await this.quotes.insertRequested(tx, {
          accountId,
          createdBy: actor.id,
          requestedDate: body.requestedDate ?? null,
          message: body.message?.trim() || null,
          idempotencyKey: key,
          requestHash,
          lines: lines.map((line, index) => ({
            productId: line.product.id,
            sku: line.product.sku,
            name: line.product.name,
            quantity: line.quantity,
            unitPrice: null,
            listPrice: line.product.listPrice,
            normalPrice: formatMoney(book[index] ?? 0n),
            lineTotal: null,
            promise: null,
          })),
        });
        const notified = isCustomerActor(actor)
          ? await this.notify(tx, {
              userIds: account.accountManagerId ? [account.accountManagerId] : [],
              kind: 'quote_requested',
              title: `Quote ${inserted.number} requested`,
              body: `${account.name} asked for a quote for ${lines.length} line${lines.length === 1 ? '' : 's'}.`,
              quoteId: inserted.id,
            })
          : [];
        return { id: inserted.id, notified };
      });
      await this.notifications.mail(made.notified);
      return { quote: await this.read(made.id, undefined), created: true };
    } catch (error) {
      // A concurrent twin with the same key committed first: the unique index stopped this one.
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code === '23505' && driverError.constraint === 'quotes_idempotency_idx') {
        const twin = await this.quotes.byIdempotencyKey(this.dataSource.manager, actor.id, key);
        if (twin) return this.replay(actor, twin, requestHash);
      }
      throw error;
    }
  }

  private async replay(
    actor: AuthUser,
    existing: { id: string; requestHash: string | null },
    requestHash: string,
  ): Promise<QuoteCreation> {
    if (existing.requestHash !== requestHash) throw quoteKeyReused();
    return { quote: await this.get(actor, existing.id), created: false };
  }

  /** Each line's price for the account today (contract, tier, list): the "normal" price shown beside a quote. */
  private async calculatorPrices(
    accountId: string,
    lines: ResolvedLine[],
    today: string,
    manager?: EntityManager,
  ): Promise<bigint[]> {
    const book = await this.calculator.priceBook(
      accountId,
      lines.map((line) => line.product.id),
      today,
      manager ? { manager } : {},
    );
    return lines.map((line) => book.price(line.product, line.quantity).unitPrice);
  }

  async list(
    actor: AuthUser,
    query: Omit<QuoteListQueryDto, 'page' | 'pageSize'>,
    page: PageRequest,
  ): Promise<Page<SalesQuoteSummary>> {
    const today = this.today();
    await this.quotes.expireDue(today);
    const [rows, total] = await this.quotes.list(
      {
        scope: accountScope(actor),
        status: query.status,
        accountId: query.accountId,
        sort: query.sort,
        dir: query.dir,
      },
      page,
    );
    return pageOf(
      rows.map((row) => toQuoteSummary(row, this.config.currency, today)),
      total,
      page,
    );
  }

  async get(actor: AuthUser, id: string, revision?: number): Promise<SalesQuote> {
    await this.requireReadable(actor, id);
    await this.quotes.expireDue(this.today());
    return this.read(id, revision);
  }

  private async read(id: string, revision: number | undefined): Promise<SalesQuote> {
    const row = await this.quotes.find(id);
    if (!row) throw notFound('Quote');
    const shown = revision ?? row.revision;
    if (shown < 1 || shown > row.revision) throw notFound('Quote revision');
    const lines = await this.quotes.linesOf(id, shown);
    return toQuote(row, shown, lines, this.config.currency, this.today());
  }

  /** 404 unless the actor may read the quote's account (another account's quote is "not found"). */
  private async requireReadable(actor: AuthUser, id: string): Promise<void> {
    const owner = await this.quotes.owner(id);
    if (!owner || !canReadAccount(actor, { id: owner.accountId, accountManagerId: owner.accountManagerId })) {
      throw notFound('Quote');
    }
  }

  /** POST /:id/quote: prices the quote (first quoting, a revision, or a re-quote of an expired one). */
  async quote(actor: AuthUser, id: string, body: QuotePricesDto): Promise<SalesQuote> {
    const now = new Date();
    const today = this.today(now);
    const validUntil = body.validUntil ?? defaultValidUntil(today);
    const validity = validUntilProblem(validUntil, today);
    if (validity)
      throw badRequest('The quote cannot be valid until then', [{ field: 'validUntil', message: validity }]);
    const notified = await this.dataSource.transaction(async (tx) => {
      const quote = await this.lockFor(tx, actor, id, 'quote');
      const from = quoteStatusOn(quote.status, quote.validUntil, today);
      if (nextQuoteStatus(from, 'quote') === null) throw notNow(from, 'quoted');
      const prices = quotedPrices(quote, body.lines);
      const lines = await this.lineResolver.resolve(
        quote.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
        { packRules: false },
        tx,
      );
      const normal = await this.calculatorPrices(quote.accountId, lines, today, tx);
      const promised = await this.availability.promise(tx, {
        accountId: quote.accountId,
        at: now,
        lines: lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })),
        products: lines.map((line) => line.product),
      });
      const priced: NewQuoteLine[] = lines.map((line, index) => {
        const unitPrice = prices[index] ?? 0n;
        return {
          productId: line.product.id,
          sku: line.product.sku,
          name: line.product.name,
          quantity: line.quantity,
          unitPrice: formatMoney(unitPrice),
          listPrice: line.product.listPrice,
          normalPrice: formatMoney(normal[index] ?? 0n),
          lineTotal: formatMoney(unitPrice * BigInt(line.quantity)),
          promise: { splits: promised.lines[index]?.splits ?? [] },
        };
      });
      const subtotal = formatMoney(sumMoney(priced.map((line) => parseMoney(line.lineTotal ?? '0'))));
      const target = revisionToQuote({ revision: quote.revision, priced: quote.priced });
      const write = { quotedBy: actor.id, validUntil, subtotal, lines: priced };
      if (target.isNew) await this.quotes.insertRevision(tx, id, target.revision, write);
      else await this.quotes.priceRevision(tx, id, target.revision, write);
      const kind = !target.isNew ? 'quoted' : from === 'expired' ? 'requoted' : 'revised';
      await this.quotes.update(tx, id, { status: 'quoted', revision: target.revision, validUntil }, [
        {
          actorId: actor.id,
          kind,
          fromStatus: from,
          toStatus: 'quoted',
          reason: null,
          revision: target.revision,
        },
      ]);
      return this.notify(tx, {
        userIds: await this.quotes.buyersToTell(tx, quote.accountId, quote.createdBy),
        kind: target.revision === 1 ? 'quote_quoted' : 'quote_revised',
        title:
          target.revision === 1
            ? `Quote ${quote.number} is ready`
            : `Quote ${quote.number} revised (revision ${target.revision})`,
        body: `Quoted at ${subtotal}, valid until ${validUntil}.`,
        quoteId: id,
      });
    });
    await this.notifications.mail(notified);
    return this.read(id, undefined);
  }

  /** POST /:id/request-changes: the buyer asks for another quoting; the account manager is told. */
  async requestChanges(actor: AuthUser, id: string, message: string): Promise<SalesQuote> {
    const notified = await this.dataSource.transaction(async (tx) => {
      const quote = await this.transition(tx, actor, id, 'request_changes', 'changes_requested', message);
      return this.notify(tx, {
        userIds: quote.accountManagerId ? [quote.accountManagerId] : [],
        kind: 'quote_requested',
        title: `Changes asked for on quote ${quote.number}`,
        body: message,
        quoteId: id,
      });
    });
    await this.notifications.mail(notified);
    return this.read(id, undefined);
  }

  async decline(actor: AuthUser, id: string, reason: string): Promise<SalesQuote> {
    await this.dataSource.transaction((tx) => this.transition(tx, actor, id, 'decline', 'declined', reason));
    return this.read(id, undefined);
  }

  async withdraw(actor: AuthUser, id: string, reason: string): Promise<SalesQuote> {
    await this.dataSource.transaction((tx) =>
      this.transition(tx, actor, id, 'withdraw', 'withdrawn', reason),
    );
    return this.read(id, undefined);
  }

  /** A status change of its own (no prices): checked against the domain's rules, with its event. */
  private async transition(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    action: QuoteAction,
    kind: string,
    reason: string,
  ): Promise<LockedQuote> {
    const quote = await this.lockFor(tx, actor, id, action);
    const from = quoteStatusOn(quote.status, quote.validUntil, this.today());
    const to = nextQuoteStatus(from, action);
    if (to === null) throw notNow(from, PAST_TENSE[action]);
    await this.quotes.update(tx, id, { status: to }, [
      {
        actorId: actor.id,
        kind,
        fromStatus: from,
        toStatus: to,
        reason: reason.trim(),
        revision: quote.revision,
      },
    ]);
    return quote;
  }

  /** The quote locked, read as the actor may: 404 if they may not see it, 403 if they may see but not do it. */
  private async lockFor(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    action: QuoteAction,
  ): Promise<LockedQuote> {
    const quote = await this.quotes.lock(tx, id);
    const account = quote ? { id: quote.accountId, accountManagerId: quote.accountManagerId } : null;
    if (!quote || !account || !canReadAccount(actor, account)) throw notFound('Quote');
    if (!mayActOnQuote(actor, account, action))
      throw forbidden(`Your role may not ${ACTION_WORDS[action]} this quote`);
    return quote;
  }

  /**
   * POST /:id/accept: the order, placed by OrderPlacementService with the
   * quoted prices (source `quote`); with `dryRun`, its preview. The quote is
   * locked and checked inside the placing transaction, and marked accepted
   * in it: one quote, one order, whatever runs at once.
   */
  async accept(
    actor: AuthUser,
    id: string,
    body: AcceptQuoteDto,
    idempotencyKey: string | undefined,
  ): Promise<Placement> {
    await this.requireAcceptor(actor, id);
    return this.placement.place(
      actor,
      placementBody(body),
      idempotencyKey,
      this.quotedPlacement(actor, id, body),
    );
  }

  async previewAccept(actor: AuthUser, id: string, body: AcceptQuoteDto): Promise<OrderPreview> {
    await this.requireAcceptor(actor, id);
    return this.placement.preview(actor, placementBody(body), this.quotedPlacement(actor, id, body));
  }

  private async requireAcceptor(actor: AuthUser, id: string): Promise<void> {
    const owner = await this.quotes.owner(id);
    const account = owner ? { id: owner.accountId, accountManagerId: owner.accountManagerId } : null;
    if (!account || !canReadAccount(actor, account)) throw notFound('Quote');
    if (!mayActOnQuote(actor, account, 'accept'))
      throw forbidden('Only the account’s buyers and approvers accept quotes');
  }

  private quotedPlacement(actor: AuthUser, id: string, body: AcceptQuoteDto): QuotedPlacement {
    let accepted: { revision: number } | undefined;
    return {
      quoteId: id,
      request: { revision: body.revision, lineIds: body.lineIds },
      claim: async (tx) => {
        const quote = await this.quotes.lock(tx, id);
        if (!quote) throw notFound('Quote');
        const decision = acceptQuote(
          {
            status: quote.status,
            latestRevision: quote.revision,
            validUntil: quote.validUntil,
            lineIds: quote.lines.map((line) => line.id),
          },
          { revision: body.revision, lineIds: body.lineIds },
          this.today(),
        );
        if (!decision.ok) throw acceptanceRefused(decision.refusal);
        accepted = { revision: quote.revision };
        const chosen = new Set(decision.lineIds);
        const lines = quote.lines.filter((line) => chosen.has(line.id));
        return {
          lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
          unitPrices: new Map(lines.map((line) => [line.productId, parseMoney(line.unitPrice ?? '0')])),
        };
      },
      accepted: async (tx, order: Order) => {
        const revision = accepted?.revision ?? body.revision;
        await this.quotes.update(tx, id, { status: 'accepted' }, [
          {
            actorId: actor.id,
            kind: 'accepted',
            fromStatus: 'quoted',
            toStatus: 'accepted',
            reason: null,
            revision,
            orderId: order.id,
          },
        ]);
      },
    };
  }

  /**
   * The periodic sweep (and tests): quoted quotes past their day become
   * expired, and buyers whose quote lapses within 3 days are told, once per
   * quote and date (the claim and the notice commit together).
   */
  async sweep(now = new Date()): Promise<{ expired: number; noticed: number }> {
    const today = this.today(now);
    const expired = await this.quotes.expireDue(today);
    const notified = await this.dataSource.transaction(async (tx) => {
      const due = await this.quotes.claimExpiryNotices(tx, today, QUOTE_NOTICE_DAYS);
      const drafts: QuoteNotificationDraft[] = [];
      for (const quote of due) {
        drafts.push({
          userIds: await this.quotes.buyersToTell(tx, quote.accountId, quote.createdBy),
          kind: 'quote_expiring',
          title: `Quote ${quote.number} expires soon`,
          body: `The quoted prices hold until ${quote.validUntil}.`,
          quoteId: quote.id,
        });
      }
      return { made: await this.notifications.notifyAboutQuote(tx, drafts), count: due.length };
    });
    await this.notifications.mail(notified.made);
    return { expired, noticed: notified.count };
  }

  private notify(tx: EntityManager, draft: QuoteNotificationDraft) {
    return this.notifications.notifyAboutQuote(tx, [draft]);
  }
}

const QUOTE_NOTICE_DAYS = 3;

const PAST_TENSE: Record<QuoteAction, string> = {
  quote: 'quoted',
  request_changes: 'sent back for changes',
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
  expire: 'expired',
};

const ACTION_WORDS: Record<QuoteAction, string> = {
  quote: 'price',
  request_changes: 'ask for changes to',
  accept: 'accept',
  decline: 'decline',
  withdraw: 'withdraw',
  expire: 'expire',
};

/** The quoted price of each line of the latest revision, in its order: one price per line, by product. */
function quotedPrices(quote: LockedQuote, sent: { productId: string; unitPrice: string }[]): bigint[] {
  const byProduct = new Map<string, string>();
  const errors: { field: string; message: string }[] = [];
  const onQuote = new Set(quote.lines.map((line) => line.productId));
  sent.forEach((line, index) => {
    if (!onQuote.has(line.productId))
      errors.push({ field: `lines[${index}].productId`, message: 'is not on the quote' });
    else if (byProduct.has(line.productId))
      errors.push({ field: `lines[${index}].productId`, message: 'is priced twice' });
    else byProduct.set(line.productId, line.unitPrice);
  });
  quote.lines.forEach((line) => {
    if (!byProduct.has(line.productId))
      errors.push({ field: 'lines', message: `has no price for product ${line.productId}` });
  });
  if (errors.length > 0) throw badRequest('Give one price for each line of the quote', errors);
  return quote.lines.map((line) => parseMoney(byProduct.get(line.productId) ?? '0'));
}

/** What placement takes from an acceptance (the lines come from the quote). */
function placementBody(body: AcceptQuoteDto) {
  return {
    shippingAddressId: body.shippingAddressId,
    poNumber: body.poNumber,
    shipComplete: body.shipComplete,
    expectedSubtotal: body.expectedSubtotal,
  };
}
