import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderTemplate, OrderTemplateSummary, Page, QuickOrderResult } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CartMergeService } from '../cart/cart-merge.service';
import { CartService, customerAccount } from '../cart/cart.service';
import { LineResolver } from '../catalog/line-resolver';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import { OrdersService } from '../orders/orders.service';
import type { CreateTemplateDto, UpdateTemplateDto } from './dto/template.dto';
import { toTemplate, toTemplateSummary } from './template.mapper';
import {
  TEMPLATE_NAME_INDEX,
  type TemplateFilter,
  TemplateLineInput,
  TemplatesRepository,
} from './templates.repository';

/**
 * Saved order lists. A template belongs to its account: every customer user
 * of the account sees, edits and uses it, and another account's template is
 * a 404 like a missing one. Lines typed in must be orderable as they stand;
 * lines copied from the cart or a past order are kept as they were, and
 * whatever is no longer sold is reported when the template goes to the cart.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplatesRepository,
    private readonly cart: CartService,
    private readonly merging: CartMergeService,
    private readonly orders: OrdersService,
    private readonly lineResolver: LineResolver,
    private readonly dataSource: DataSource,
  ) {}

  async list(
    actor: AuthUser,
    filter: TemplateFilter,
    page: PageRequest,
  ): Promise<Page<OrderTemplateSummary>> {
    const [rows, total] = await this.templates.list(customerAccount(actor), filter, page);
    return pageOf(rows.map(toTemplateSummary), total, page);
  }

  async get(actor: AuthUser, id: string): Promise<OrderTemplate> {
    const row = await this.templates.find(customerAccount(actor), id);
    if (!row) throw notFound('Template');
    return toTemplate(row);
  }

  async create(actor: AuthUser, body: CreateTemplateDto): Promise<OrderTemplate> {
    const accountId = customerAccount(actor);
    const name = body.name.trim();
    const lines = await this.linesFor(actor, body);
    await this.requireFreeName(accountId, name);
    const id = await this.dataSource
      .transaction(async (tx) => {
        const created = await this.templates.insert(tx, accountId, actor.id, name);
        await this.templates.replaceLines(tx, created, lines);
        return created;
      })
      .catch(duplicateName);
    return this.get(actor, id);
  }

  async update(actor: AuthUser, id: string, body: UpdateTemplateDto): Promise<OrderTemplate> {
    const accountId = customerAccount(actor);
    const name = body.name?.trim();
    const lines = body.lines ? await this.checkedLines(body.lines) : undefined;
    if (name !== undefined) await this.requireFreeName(accountId, name, id);
    await this.dataSource
      .transaction(async (tx) => {
        if (!(await this.templates.lock(tx, accountId, id))) throw notFound('Template');
        await this.templates.touch(tx, id, name);
        if (lines) await this.templates.replaceLines(tx, id, lines);
      })
      .catch(duplicateName);
    return this.get(actor, id);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    if (!(await this.templates.delete(customerAccount(actor), id))) throw notFound('Template');
  }

  /** The template's lines merged into the cart: a result per line, those no longer sold among the refused. */
  async toCart(actor: AuthUser, id: string): Promise<QuickOrderResult> {
    const template = await this.get(actor, id);
    return this.merging.merge(
      actor,
      template.lines.map((line, index) => ({
        row: index + 1,
        rows: [index + 1],
        sku: line.sku,
        productId: line.productId,
        quantity: line.quantity,
      })),
    );
  }

  /** The lines given, or the cart's, or a past order's: exactly one source. */
  private async linesFor(actor: AuthUser, body: CreateTemplateDto): Promise<TemplateLineInput[]> {
    const sources = [body.lines !== undefined, body.fromCart === true, body.fromOrderId !== undefined];
    if (sources.filter(Boolean).length !== 1) {
      throw badRequest('Give the lines, or fromCart: true, or fromOrderId', [
        { field: 'lines', message: 'give exactly one of lines, fromCart: true, fromOrderId' },
      ]);
    }
    if (body.lines) return this.checkedLines(body.lines);
    if (body.fromCart) {
      const lines = await this.cart.linesOf(actor);
      if (lines.length === 0) {
        throw badRequest('The cart is empty', [{ field: 'fromCart', message: 'the cart is empty' }]);
      }
      return lines;
    }
    const order = await this.orders.get(actor, body.fromOrderId as string);
    return order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
  }

  /** Lines typed in: known products still sold, once each, in whole packs; every bad line is named. */
  private async checkedLines(lines: TemplateLineInput[]): Promise<TemplateLineInput[]> {
    const resolved = await this.lineResolver.resolve(lines, { packRules: true });
    return resolved.map(({ product, quantity }) => ({ productId: product.id, quantity }));
  }

  private async requireFreeName(accountId: string, name: string, exceptId?: string): Promise<void> {
    if (await this.templates.nameTaken(accountId, name, exceptId)) throw nameInUse();
  }
}

const nameInUse = () =>
  conflict('The account already has a template with this name', [
    { field: 'name', message: 'is already used by another template of the account' },
  ]);

/** Two saves of one name at once: the unique index decides, and the loser hears 409 like anyone else. */
function duplicateName(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint === TEMPLATE_NAME_INDEX) throw nameInUse();
  throw error;
}
