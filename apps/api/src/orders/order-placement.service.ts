import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Address,
  LineReference,
  Order,
  OrderPreview,
  PriceChangedProblem,
} from '@tradecounter/contracts';
import {
  canReadAccount,
  effectiveAccountId,
  formatMoney,
  isCustomerActor,
  parseMoney,
  PlacementCheck,
  placementDecision,
  PricedLine,
  PromisedDates,
  promisedDates,
  requestedDateProblem,
  sumMoney,
} from '@tradecounter/domain';
import { AccountsService, OrderingAccount } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AvailabilityService } from '../availability/availability.service';
import { LineResolver } from '../catalog/line-resolver';
import { badRequest, conflict, notFound, ProblemException } from '../common/http/problem';
import { DatabaseOutage } from '../database/database-outage';
import { PriceCalculator } from '../pricing/price-calculator';
import { CartPort } from './cart-port';
import type { PlaceOrderDto } from './dto/place-order.dto';
import {
  externalRefRace,
  hashRequest,
  inFlight,
  keyRace,
  keyReused,
  quoteRace,
  requireKey,
} from './idempotency';
import { IdempotencyRepository } from './idempotency.repository';
import type { AddressSnapshot } from './order.entity';
import { placedOrder, toOrder } from './order.mapper';
import { PlacementPlan, Promised, toPreview } from './order-preview';
import { refuseUnpromisable, RequestedLine } from './requested-lines';
import { NewOrder, NewOrderLine, OrdersRepository } from './orders.repository';

/** What `place` did: made the order (201) or found the one the key already made (200). */
export interface Placement {
  order: Order;
  created: boolean;
}

/** Who places an order, and through which channel. */
interface Placer {
  /** The signed-in user; null for an integration. */
  user: AuthUser | null;
  channel: string;
  externalRef: string | null;
}

/** What is ordered and where it goes: a user's request, or an integration's. */
type PlacementBody = Omit<PlaceOrderDto, 'accountId' | 'shippingAddressId'> & {
  /** One of the account's addresses… */
  shippingAddressId?: string;
  /** …or (integrations only) an address sent with the order. */
  shippingAddress?: Omit<AddressSnapshot, 'id'>;
};

/** An order from an integration (POST /api/channel-orders), already resolved to its account. */
export interface ChannelPlacement extends PlacementBody {
  accountId: string;
  externalRef: string;
  lines: { sku: string; quantity: number }[];
}

/**
 * Accepting a sales quote through this placement: the quotes context says
 * which lines, at which unit prices (source `quote`), read under the quote's
 * row lock, and is told the order inside the same transaction. Everything
 * else (key, address, PO, approval limit, credit, promise, reservation,
 * audit) is placement's own.
 */
export interface QuotedPlacement {
  quoteId: string;
  /** What the acceptance asked for besides the order's fields (revision, lines): part of the request's hash. */
  request: object;
  /**
   * Inside the placing transaction, before the account is locked: lock the
   * quote, refuse (409) when it cannot be accepted, and give the lines and
   * their quoted unit prices (by product).
   */
  claim(tx: EntityManager): Promise<{ lines: LineReference[]; unitPrices: ReadonlyMap<string, bigint> }>;
  /** Inside the placing transaction, once the order is written (not on a dry run). */
  accepted(tx: EntityManager, order: Order): Promise<void>;
}

/**
 * A replacement for returned goods: the returns context names the lines
 * (the units received of `replace` return lines), and they are placed in
 * its receiving transaction at 0.00 (source `replacement`), with the normal
 * promise and reservation, shipping to the returned order's address. Pack
 * rules do not apply: what came back is what goes out.
 */
export interface ReplacementPlacement {
  accountId: string;
  shippingAddressId: string;
  /** The return's number: the order's PO number, so an account that requires one has it. */
  poNumber: string;
  notes: string;
  lines: LineReference[];
}

/** The quoted unit prices that replace the price book's (source `quote`). */
type QuotedPrices = ReadonlyMap<string, bigint>;

/** Prices that replace the price book's: a quote's, or a replacement's 0.00. */
interface FixedPrices {
  unitPrices: QuotedPrices;
  source: 'quote' | 'replacement';
}

/** numeric(14,2) holds up to 12 digits before the point. */
const MAX_SUBTOTAL = parseMoney('999999999999.99');
/** Prune expired idempotency keys at most this often per process. */
const PRUNE_EVERY_MS = 60_000;

/**
 * POST /api/orders: one transaction that either places the whole order or
 * changes nothing. In it, in this order (every placer takes locks in the
 * same order, so placements never deadlock one another, nor receipts or
 * cancellations):
 *
 * 1. claim the Idempotency-Key (a concurrent twin answers 409), or replay it;
 * 2. resolve the lines (or the cart's) to products, with every bad line named;
 * 3. lock the account row: the credit check below runs one order at a time
 *    per account, so concurrent orders cannot together pass the limit;
 * 4. price with the book read in this transaction (409 if `expectedSubtotal` differs);
 * 5. decide where the order starts (order limit → approval; credit → hold);
 * 6. promise with the stock rows and open receipts locked (by product, then
 *    receipt), refuse what a non-backorderable product cannot cover, and
 *    reserve exactly what was promised;
 * 7. write the order, its lines, allocations, first event and the key in
 *    one statement, and the audit entry.
 *
 * Steps 2–6 are `plan`; a dry run (`preview`, POST /api/orders?dryRun=true)
 * runs the same `plan` in a transaction it rolls back, and explains the
 * decision instead of writing the order.
 *
 * About a dozen round trips whatever the number of lines (see
 * tools/bench/orders.mjs for what that costs against the bare SQL).
 */
@Injectable()
export class OrderPlacementService {
  private readonly logger = new Logger(OrderPlacementService.name);
  private lastPrune = 0;

  constructor(
    private readonly accounts: AccountsService,
    private readonly lineResolver: LineResolver,
    private readonly calculator: PriceCalculator,
    private readonly availability: AvailabilityService,
    private readonly orders: OrdersRepository,
    private readonly keys: IdempotencyRepository,
    private readonly cart: CartPort,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly outage: DatabaseOutage,
  ) {}

  async place(
    actor: AuthUser,
    body: PlaceOrderDto,
    idempotencyKey: string | undefined,
    quote: QuotedPlacement | null = null,
  ): Promise<Placement> {
    const key = requireKey(idempotencyKey);
    const requestHash = hashRequest(
      quote ? { ...body, quote: { id: quote.quoteId, ...quote.request } } : body,
    );
    const accountId = this.actingAccount(actor, body.accountId);
    const outcome = await this.dataSource
      .transaction(async (tx): Promise<{ replay: string } | { order: Order }> => {
        const { claimed, stored } = await this.keys.claim(tx, actor.id, key);
        if (!claimed) throw inFlight();
        if (stored) {
          if (stored.requestHash !== requestHash) throw keyReused();
          // A key row commits with its order, so its order is always there.
          if (!stored.orderId) throw inFlight();
          return { replay: stored.orderId };
        }
        const placer = {
          user: actor,
          channel: isCustomerActor(actor) ? 'portal' : 'phone',
          externalRef: null,
        };
        const quoted = quote ? await quote.claim(tx) : null;
        const order = await this.placeIn(
          tx,
          placer,
          accountId,
          quoted ? { ...body, lines: quoted.lines } : body,
          { userId: actor.id, key, requestHash },
          quote && quoted ? { quoteId: quote.quoteId, unitPrices: quoted.unitPrices } : null,
        );
        if (quote) await quote.accepted(tx, order);
        return { order };
      })
      .catch(keyRace)
      .catch(quoteRace);
    this.pruneKeysNowAndThen();
    return this.outcome(outcome);
  }

  /**
   * A replacement order for returned goods, inside the caller's (the
   * return receipt's) transaction, placed by the staff member receiving it.
   * Every line at 0.00 (source `replacement`).
   */
  async placeReplacement(tx: EntityManager, actor: AuthUser, request: ReplacementPlacement): Promise<Order> {
    const placer = { user: actor, channel: 'phone', externalRef: null };
    const free = new Map(request.lines.map((line) => [line.productId ?? '', 0n]));
    return this.placeIn(
      tx,
      placer,
      request.accountId,
      {
        lines: request.lines,
        shippingAddressId: request.shippingAddressId,
        poNumber: request.poNumber,
        notes: request.notes,
        shipComplete: false,
      },
      null,
      null,
      { unitPrices: free, source: 'replacement' },
    );
  }

  /**
   * POST /api/channel-orders: the same pipeline for an integration's order.
   * Its external reference is its idempotency key: concurrent repeats wait
   * for the first (a transaction-level lock on channel and reference), then
   * find its order; the unique index on (channel, external_ref) backs that up.
   */
  async placeForChannel(channel: string, request: ChannelPlacement): Promise<Placement> {
    const outcome = await this.dataSource
      .transaction(async (tx): Promise<{ replay: string } | { order: Order }> => {
        await this.orders.lockExternalRef(tx, channel, request.externalRef);
        const existing = await this.orders.idByExternalRef(tx, channel, request.externalRef);
        if (existing) return { replay: existing };
        const placer = { user: null, channel, externalRef: request.externalRef };
        return { order: await this.placeIn(tx, placer, request.accountId, request, null) };
      })
      .catch(externalRefRace);
    return this.outcome(outcome);
  }

  private async outcome(outcome: { replay: string } | { order: Order }): Promise<Placement> {
    if ('order' in outcome) return { order: outcome.order, created: true };
    const existing = await this.orders.find(outcome.replay);
    if (!existing) throw notFound('Order');
    return { order: toOrder(existing), created: false };
  }

  /**
   * POST /api/orders?dryRun=true: what placing this body would do. The
   * placement's own steps 2–6 (`plan`) run in a transaction that is always
   * rolled back, so a preview and a placement cannot disagree and nothing is
   * written; no Idempotency-Key is claimed.
   */
  async preview(
    actor: AuthUser,
    body: PlaceOrderDto,
    quote: QuotedPlacement | null = null,
  ): Promise<OrderPreview> {
    return this.dryRun(actor, this.actingAccount(actor, body.accountId), body, quote);
  }

  /**
   * What `placeForChannel` would do with this request, by the same dry run
   * (a standing order's preview, days before its run): nothing is written.
   */
  previewForChannel(request: Omit<ChannelPlacement, 'externalRef'>): Promise<OrderPreview> {
    return this.dryRun(null, request.accountId, request, null);
  }

  private async dryRun(
    actor: AuthUser | null,
    accountId: string,
    body: PlacementBody,
    quote: QuotedPlacement | null,
  ): Promise<OrderPreview> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const tx = runner.manager;
      const claimed = quote ? await quote.claim(tx) : null;
      const plan = await this.plan(tx, actor, accountId, claimed ? { ...body, lines: claimed.lines } : body, {
        preview: true,
        fixedPrices: claimed ? { unitPrices: claimed.unitPrices, source: 'quote' } : null,
      });
      const approvers =
        plan.decision.status === 'pending_approval' ? await this.orders.approversOf(tx, accountId) : [];
      return toPreview(plan, {
        approvers,
        currency: this.calculator.currency,
        shipComplete: body.shipComplete,
      });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /**
   * Steps 2–6: everything placing decides before it writes the order. The
   * placement and its dry run both call this, and only this, to decide.
   */
  private async plan(
    tx: EntityManager,
    actor: AuthUser | null,
    accountId: string,
    body: PlacementBody,
    mode: { preview: boolean; fixedPrices: FixedPrices | null } = { preview: false, fixedPrices: null },
  ): Promise<PlacementPlan> {
    const placedAt = new Date();
    // A replacement sends back what came back, whole packs or not.
    const packRules = mode.fixedPrices?.source !== 'replacement';
    const lines = await this.requestedLines(tx, actor, accountId, body, packRules);
    const { account, address } = checkAccount(
      actor,
      await this.accounts.lockForOrdering(tx, accountId, body.shippingAddressId),
      body,
      // The PO number is given at checkout, after the cart's preview: a preview does not ask for it.
      { requirePo: !mode.preview },
    );
    const { priced, subtotal } = mode.fixedPrices
      ? fixedPricing(lines, mode.fixedPrices, body.expectedSubtotal)
      : await this.price(tx, accountId, lines, placedAt, body.expectedSubtotal);
    const check = await this.placementCheck(tx, actor, account, subtotal);
    const decision = placementDecision(check);
    const promised = await this.promiseAndReserve(tx, account, lines, placedAt, body);
    return { placedAt, lines, account, address, priced, subtotal, check, decision, promised };
  }

  private async placeIn(
    tx: EntityManager,
    placer: Placer,
    accountId: string,
    body: PlacementBody,
    idempotency: { userId: string; key: string; requestHash: string } | null,
    quoted: { quoteId: string; unitPrices: QuotedPrices } | null = null,
    replacement: FixedPrices | null = null,
  ): Promise<Order> {
    const actor = placer.user;
    const fixedPrices: FixedPrices | null = quoted
      ? { unitPrices: quoted.unitPrices, source: 'quote' }
      : replacement;
    const { placedAt, lines, account, address, priced, subtotal, decision, promised } = await this.plan(
      tx,
      actor,
      accountId,
      body,
      { preview: false, fixedPrices },
    );
    const order: NewOrder = {
      accountId,
      placedBy: actor?.id ?? null,
      channel: placer.channel,
      externalRef: placer.externalRef,
      status: decision.status,
      poNumber: body.poNumber?.trim() || null,
      shippingAddress: address,
      requestedDeliveryDate: body.requestedDeliveryDate ?? null,
      shipComplete: body.shipComplete,
      notes: body.notes?.trim() || null,
      warehouseCode: promised.outcome.response.warehouseCode,
      subtotal: formatMoney(subtotal),
      currency: this.calculator.currency,
      placedAt,
      quoteId: quoted?.quoteId ?? null,
      lines: lines.map((line, index) => orderLine(line, index, priced, promised, body.requestedDeliveryDate)),
      events: [
        {
          actorId: actor?.id ?? null,
          kind: 'placed',
          fromStatus: null,
          toStatus: decision.status,
          reason: decision.status === 'confirmed' ? null : decision.reason,
        },
      ],
    };
    const inserted = await this.orders.insertPlaced(
      tx,
      { ...order, shippingAddressId: address.id },
      idempotency,
    );
    await this.audit.record(tx, {
      actorId: actor?.id ?? null,
      entity: 'order',
      entityId: inserted.id,
      accountId,
      action: 'create',
      before: null,
      after: {
        number: inserted.number,
        status: order.status,
        channel: order.channel,
        subtotal: order.subtotal,
        lines: order.lines.length,
        ...(order.quoteId ? { quoteId: order.quoteId } : {}),
        ...(replacement ? { replacement: true } : {}),
      },
    });
    if (actor && body.lines === undefined) await this.cart.clearAfterOrder(tx, actor.id, accountId);
    return placedOrder(order, inserted, account, actor ?? { id: null, name: placer.channel });
  }

  /** Prices with the book read in this transaction; 409 with the new prices if the buyer saw another total. */
  private async price(
    tx: EntityManager,
    accountId: string,
    lines: RequestedLine[],
    placedAt: Date,
    expectedSubtotal: string | undefined,
  ): Promise<{ priced: PricedLine[]; subtotal: bigint }> {
    const book = await this.calculator.priceBook(
      accountId,
      lines.map((line) => line.product.id),
      this.calculator.today(placedAt),
      { manager: tx },
    );
    const priced = lines.map((line) => book.price(line.product, line.quantity));
    const subtotal = sumMoney(priced.map((line) => line.lineTotal));
    if (subtotal > MAX_SUBTOTAL) {
      throw badRequest('The order total is larger than an order can be', [
        { field: 'lines', message: 'add up to more than 999999999999.99' },
      ]);
    }
    if (expectedSubtotal !== undefined && parseMoney(expectedSubtotal) !== subtotal) {
      throw pricesChanged(expectedSubtotal, subtotal, lines, priced);
    }
    return { priced, subtotal };
  }

  /** The facts where the order starts depends on: above the buyer's limit it awaits approval; past the credit limit, a hold. */
  private async placementCheck(
    tx: EntityManager,
    actor: AuthUser | null,
    account: OrderingAccount,
    subtotal: bigint,
  ): Promise<PlacementCheck> {
    // Order limits are a buyer's; staff and integrations have none (credit still applies).
    const customer = actor !== null && isCustomerActor(actor);
    // Read under the account's lock, so concurrent orders of the account see each other's subtotals.
    const facts = await this.orders.placementFacts(tx, account.id, customer ? actor.id : null);
    return {
      total: subtotal,
      orderLimit: facts.orderLimit === null ? null : parseMoney(facts.orderLimit),
      // An approver's own order needs no approval, and staff have no order limit.
      placedByApprover: !customer || actor.role === 'approver',
      exposure: parseMoney(facts.exposure),
      creditLimit: parseMoney(account.creditLimit),
    };
  }

  /**
   * Promises every line with the stock rows and open receipts locked,
   * refuses what a product that is not backorderable cannot cover, checks
   * the requested date, and reserves exactly what was promised.
   */
  private async promiseAndReserve(
    tx: EntityManager,
    account: OrderingAccount,
    lines: RequestedLine[],
    placedAt: Date,
    body: PlacementBody,
  ): Promise<Promised> {
    const outcome = await this.availability.promise(
      tx,
      {
        accountId: account.id,
        warehouseCode: account.defaultWarehouseCode ?? undefined,
        at: placedAt,
        lines: lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })),
        products: lines.map((line) => line.product),
      },
      { lock: true },
    );
    refuseUnpromisable(lines, outcome);
    const dates = promisedDates(outcome.lines, outcome.response.shipComplete, body.shipComplete);
    checkRequestedDate(body.requestedDeliveryDate, dates);
    await this.availability.reserve(tx, outcome.response.warehouseCode, {
      stock: outcome.lines.map((line) => ({ productId: line.productId, qty: line.reservation.fromStock })),
      inbound: outcome.lines.flatMap((line) => line.reservation.allocations),
    });
    return { outcome, dates };
  }

  /**
   * Customers order for their own account, whatever they send; staff must
   * name one. Whether staff may order for it is checked on the locked
   * account row (checkAccount), so it costs no query of its own.
   */
  private actingAccount(actor: AuthUser, requested: string | undefined): string {
    const accountId = effectiveAccountId(actor, requested);
    if (!accountId) {
      throw badRequest('Name the account to order for', [
        { field: 'accountId', message: 'is required when staff place an order' },
      ]);
    }
    return accountId;
  }

  /** The lines sent, or the cart's; one per product, each a known, active product in whole packs. */
  private async requestedLines(
    tx: EntityManager,
    actor: AuthUser | null,
    accountId: string,
    body: PlacementBody,
    packRules = true,
  ): Promise<RequestedLine[]> {
    let asked: LineReference[];
    if (body.lines) {
      asked = body.lines;
    } else {
      if (!actor || !isCustomerActor(actor)) {
        throw badRequest('Staff place orders with their lines', [
          { field: 'lines', message: 'are required when staff place an order' },
        ]);
      }
      asked = await this.cart.linesForOrder(tx, actor.id, accountId);
      if (asked.length === 0) {
        throw badRequest('The cart is empty', [{ field: 'lines', message: 'the cart is empty' }]);
      }
    }
    return this.lineResolver.resolve(asked, { packRules }, tx);
  }

  /** Keys are kept at least 24 hours; once a minute, one placement deletes those past 48. */
  private pruneKeysNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.keys.prune().catch((error: unknown) => {
      // A database that is away is logged once, as an outage; anything else is worth a trace.
      if (!this.outage.noticed(error)) this.logger.warn({ err: error }, 'Pruning idempotency keys failed');
    });
  }
}

/**
 * The actor may order for the account (404 as for one that does not exist,
 * if not; an integration may order for any), it may order, no PO it requires
 * is missing, and the address is its own (or one an integration sent).
 */
function checkAccount(
  actor: AuthUser | null,
  locked: { account: OrderingAccount; address: Address | null } | null,
  body: PlacementBody,
  options: { requirePo: boolean },
): { account: OrderingAccount; address: AddressSnapshot } {
  if (!locked || (actor && !canReadAccount(actor, locked.account))) throw notFound('Account');
  const { account } = locked;
  const address = locked.address ? snapshot(locked.address) : sentAddress(actor, body);
  if (account.status !== 'active') {
    throw conflict(
      account.status === 'on_hold'
        ? 'The account is on hold and cannot place orders; contact your account manager'
        : 'The account is closed and cannot place orders',
    );
  }
  if (options.requirePo && account.requiresPo && !body.poNumber?.trim()) {
    throw badRequest('This account requires a PO number', [
      { field: 'poNumber', message: 'is required for this account' },
    ]);
  }
  if (!address) {
    throw badRequest('The shipping address is not one of the account’s', [
      { field: 'shippingAddressId', message: 'is not one of the account’s shipping addresses' },
    ]);
  }
  return { account, address };
}

/** An address sent with the order: integrations only, users always name one of the account's. */
function sentAddress(actor: AuthUser | null, body: PlacementBody): AddressSnapshot | null {
  return actor === null && body.shippingAddress ? { id: null, ...body.shippingAddress } : null;
}

function snapshot(address: Address): AddressSnapshot {
  return {
    id: address.id,
    label: address.label,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postcode: address.postcode,
    country: address.country,
  };
}

/** A line as it is written: its price, its promise, and what holds its units. */
function orderLine(
  line: RequestedLine,
  index: number,
  priced: PricedLine[],
  promised: Promised,
  requestedDate: string | undefined,
): NewOrderLine {
  const price = priced[index];
  const promise = promised.outcome.lines[index];
  if (!price || !promise) throw new Error('Every line is priced and promised');
  const { fromStock, allocations, fromSupplier } = promise.reservation;
  return {
    lineNo: index + 1,
    productId: line.product.id,
    sku: line.product.sku,
    name: line.product.name,
    quantity: line.quantity,
    unitPrice: formatMoney(price.unitPrice),
    priceSource: price.source,
    lineTotal: formatMoney(price.lineTotal),
    listPrice: line.product.listPrice,
    promise: { splits: promise.splits },
    requestedDate: requestedDate ?? null,
    firstPromisedDate: promised.dates.perLine[index] ?? promised.dates.earliest,
    reservedQty: fromStock,
    allocatedQty: allocations.reduce((sum, allocation) => sum + allocation.qty, 0),
    backorderedQty: fromSupplier,
    allocations,
  };
}

/**
 * Lines priced at fixed unit prices: an accepted quote's (source `quote`,
 * domain acceptedLinePrice's rule; the quote's validity was checked under
 * its lock) or a replacement's 0.00 (source `replacement`), with the same
 * subtotal checks as the price book's.
 */
function fixedPricing(
  lines: RequestedLine[],
  fixed: FixedPrices,
  expectedSubtotal: string | undefined,
): { priced: PricedLine[]; subtotal: bigint } {
  const priced = lines.map((line): PricedLine => {
    const unitPrice = fixed.unitPrices.get(line.product.id);
    if (unitPrice === undefined) throw new Error('Every line with fixed prices has its price');
    const lineTotal = unitPrice * BigInt(line.quantity);
    return {
      unitPrice,
      lineTotal,
      source: fixed.source,
      breakApplied: null,
      savings: (parseMoney(line.product.listPrice) - unitPrice) * BigInt(line.quantity),
      nextBreak: null,
    };
  });
  const subtotal = sumMoney(priced.map((line) => line.lineTotal));
  if (subtotal > MAX_SUBTOTAL) {
    throw badRequest('The order total is larger than an order can be', [
      { field: 'lines', message: 'add up to more than 999999999999.99' },
    ]);
  }
  if (expectedSubtotal !== undefined && parseMoney(expectedSubtotal) !== subtotal) {
    throw pricesChanged(expectedSubtotal, subtotal, lines, priced);
  }
  return { priced, subtotal };
}

function checkRequestedDate(requested: string | undefined, dates: PromisedDates): void {
  const problem = requestedDateProblem(requested, dates);
  if (problem) {
    throw badRequest('The requested delivery date is before the earliest promised delivery', [
      { field: 'requestedDeliveryDate', message: problem },
    ]);
  }
}

function pricesChanged(
  expected: string,
  subtotal: bigint,
  lines: RequestedLine[],
  priced: PricedLine[],
): ProblemException {
  const extensions: Omit<PriceChangedProblem, 'type' | 'title' | 'status'> = {
    expectedSubtotal: expected,
    subtotal: formatMoney(subtotal),
    lines: lines.map((line, index) => ({
      productId: line.product.id,
      sku: line.product.sku,
      quantity: line.quantity,
      unitPrice: formatMoney(priced[index]?.unitPrice ?? 0n),
      lineTotal: formatMoney(priced[index]?.lineTotal ?? 0n),
    })),
  };
  return new ProblemException(
    HttpStatus.CONFLICT,
    `Prices have changed: the order comes to ${formatMoney(subtotal)}, not ${expected}. Review the new prices and place it again.`,
    [
      {
        field: 'expectedSubtotal',
        message: `is ${expected}; the order now comes to ${formatMoney(subtotal)}`,
      },
    ],
    undefined,
    extensions,
  );
}
