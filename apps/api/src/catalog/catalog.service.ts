import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CaseBarcode,
  Category,
  Page,
  Product,
  ProductDetail,
  ProductSortField,
  SortDirection,
} from '@tradecounter/contracts';
import { formatMoney, isCustomerActor, normaliseMoney, parseMoney } from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { AvailabilityService, CatalogAvailability } from '../availability/availability.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import type { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { ProductEntity } from './product.entity';
import { auditableProduct, toProduct, withCodes } from './product.mapper';
import { ProductCodesRepository } from './product-codes.repository';
import { ProductImagesRepository } from './product-images.repository';
import { OrderableProduct, ProductsRepository } from './products.repository';
import { PriceBook, PriceCalculator, toNextBreak } from '../pricing/price-calculator';

export type { OrderableProduct };

@Injectable()
export class CatalogService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly calculator: PriceCalculator,
    private readonly availability: AvailabilityService,
    private readonly images: ProductImagesRepository,
    private readonly codes: ProductCodesRepository,
  ) {}

  /**
   * A catalog page; for a customer (or staff naming an account) each item
   * carries the account's price. Each item also carries its availability at
   * the account's warehouse (staff without an account: the default one),
   * unless `availability` is false. One query per concern, whatever the page size.
   *
   * `inStock`: only products with units available at that same warehouse.
   * `boughtBefore` (customer users only): only products the user's own
   * account has ordered; no parameter can point it at another account.
   */
  async search(
    actor: AuthUser,
    query: {
      search?: string;
      category?: string;
      includeInactive?: boolean;
      accountId?: string;
      availability?: boolean;
      sort?: ProductSortField;
      dir?: SortDirection;
      inStock?: boolean;
      boughtBefore?: boolean;
    },
    page: PageRequest,
  ): Promise<Page<Product>> {
    const accountId = await this.accounts.resolveActingAccount(actor, query.accountId);
    const includeInactive = actor.role === 'admin' && query.includeInactive === true;
    const filter = {
      search: query.search,
      category: query.category,
      includeInactive,
      inStockAt: query.inStock
        ? ((await this.availability.catalogWarehouse(accountId)) ?? NO_WAREHOUSE)
        : undefined,
      boughtBy: query.boughtBefore ? ownAccount(actor) : undefined,
      sort: query.sort,
      dir: query.dir,
    };
    const { items, total, imageVersions } = await this.products.search(filter, page);
    const ids = items.map((item) => item.id);
    const [book, stock, cases] = await Promise.all([
      accountId ? this.calculator.priceBook(accountId, ids) : undefined,
      query.availability === false ? undefined : this.availability.forCatalog(accountId, items),
      isCustomerActor(actor) ? undefined : this.codes.caseBarcodes(ids),
    ]);
    return pageOf(
      items.map((item) => {
        const plain = toProduct(item, imageVersions.get(item.id));
        const product = cases ? withCodes(plain, item, cases.get(item.id)) : plain;
        return withAvailability(book ? withPrice(product, book) : product, stock);
      }),
      total,
      page,
    );
  }

  async get(actor: AuthUser, id: string, requestedAccountId?: string): Promise<ProductDetail> {
    const product = await this.products.findById(id);
    if (!product || (!product.active && actor.role !== 'admin')) throw notFound('Product');
    const accountId = await this.accounts.resolveActingAccount(actor, requestedAccountId);
    const [book, stock, images, cases] = await Promise.all([
      accountId ? this.calculator.priceBook(accountId, [product.id]) : undefined,
      this.availability.forCatalog(accountId, [product]),
      this.images.versions([product.id]),
      isCustomerActor(actor) ? undefined : this.codes.caseBarcodes([product.id]),
    ]);
    const plain = toProduct(product, images.get(product.id));
    const base = cases ? withCodes(plain, product, cases.get(product.id)) : plain;
    const detail: ProductDetail = withAvailability(
      book ? { ...withPrice(base, book), priceBreaks: book.table(product) } : base,
      stock,
    );
    const found = stock.get(product.id);
    return found ? { ...detail, inbound: found.inbound } : detail;
  }

  categories(): Promise<Category[]> {
    return this.products.categories();
  }

  async create(actor: AuthUser, body: CreateProductDto): Promise<Product> {
    await this.requireFreeSku(body.sku);
    const { caseBarcodes = [], ...fields } = body;
    await this.requireFreeCodes(body.sku, body.barcode ?? null, caseBarcodes);
    const entity = this.products.create({
      ...fields,
      barcode: body.barcode ?? null,
      description: body.description ?? null,
      // Both optional: sold by the unit, and at least one pack (so a pack size alone is never refused).
      orderMultiple: body.orderMultiple ?? 1,
      minOrderQty: body.minOrderQty ?? body.orderMultiple ?? 1,
      listPrice: normaliseMoney(body.listPrice),
    });
    checkPackRules(entity);
    return this.saveAudited(actor, entity, null, caseBarcodes);
  }

  async update(actor: AuthUser, id: string, body: UpdateProductDto): Promise<Product> {
    const product = await this.products.findById(id);
    if (!product) throw notFound('Product');
    if (body.sku !== undefined && body.sku !== product.sku) await this.requireFreeSku(body.sku, id);
    const { caseBarcodes, ...fields } = body;
    const oldCases = (await this.codes.caseBarcodes([id])).get(id) ?? [];
    await this.requireFreeCodes(
      body.sku !== undefined && body.sku !== product.sku ? body.sku : null,
      body.barcode !== undefined && body.barcode !== product.barcode ? body.barcode : null,
      caseBarcodes ?? [],
      id,
    );
    const before = auditableProduct(product, oldCases);
    Object.assign(product, {
      ...fields,
      ...(body.listPrice ? { listPrice: normaliseMoney(body.listPrice) } : {}),
    });
    checkPackRules(product);
    return this.saveAudited(actor, product, before, caseBarcodes ?? oldCases, caseBarcodes !== undefined);
  }

  private async saveAudited(
    actor: AuthUser,
    product: ProductEntity,
    before: Record<string, unknown> | null,
    caseBarcodes: CaseBarcode[],
    replaceCases = true,
  ): Promise<Product> {
    const images = await this.images.versions(product.id ? [product.id] : []);
    return this.dataSource
      .transaction(async (tx) => {
        const saved = await this.products.save(tx, product);
        if (replaceCases) await this.codes.replaceCaseBarcodes(tx, saved.id, caseBarcodes);
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'product',
          entityId: saved.id,
          accountId: null,
          action: before ? 'update' : 'create',
          before,
          after: auditableProduct(saved, caseBarcodes),
        });
        return withCodes(toProduct(saved, images.get(saved.id)), saved, caseBarcodes);
      })
      .catch(codeTaken);
  }

  /**
   * SKUs, barcodes and case barcodes share one namespace (a scan names one
   * product): 409 naming the product that already uses a code. The unique
   * constraints catch what races past this check (codeTaken).
   */
  private async requireFreeCodes(
    sku: string | null,
    barcode: string | null,
    cases: CaseBarcode[],
    productId?: string,
  ): Promise<void> {
    const codes = cases.map((item) => item.code);
    const repeated = codes.find((code, i) => codes.indexOf(code) !== i || code === barcode || code === sku);
    if (repeated !== undefined) {
      throw badRequest('A code is given twice', [
        {
          field: 'caseBarcodes',
          message: `${repeated} is named more than once (SKU, barcode and case barcodes differ)`,
        },
      ]);
    }
    if (barcode !== null && barcode === sku) {
      throw badRequest('A barcode cannot be the SKU', [
        { field: 'barcode', message: 'must differ from the SKU' },
      ]);
    }
    const wanted = [...(barcode !== null ? [barcode] : []), ...codes, ...(sku !== null ? [sku] : [])];
    const [owner] = await this.codes.owners(wanted, productId);
    if (owner) {
      const field = owner.code === barcode ? 'barcode' : owner.code === sku ? 'sku' : 'caseBarcodes';
      throw conflict(`${owner.code} is already the ${owner.kind} of product ${owner.sku}`, [
        { field, message: `${owner.code} is in use by ${owner.sku}` },
      ]);
    }
  }

  private async requireFreeSku(sku: string, exceptId?: string): Promise<void> {
    if (await this.products.skuExists(sku, exceptId)) {
      throw conflict('A product with this SKU already exists', [
        { field: 'sku', message: 'is already in use' },
      ]);
    }
  }
}

/** Two saves racing for one code: the unique constraint decides, and the loser gets a 409. */
function codeTaken(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; table?: string } }).driverError;
  if (
    driverError?.code === '23505' &&
    (driverError.table === 'product_case_barcodes' || driverError.table === 'products')
  ) {
    throw conflict('A SKU, barcode or case barcode given is already in use by another product');
  }
  throw error;
}

/** A warehouse code no warehouse has: "in stock" with no warehouse to look at finds nothing. */
const NO_WAREHOUSE = '';

/** "Bought before" is a customer's own history: staff have no account of their own to ask about. */
function ownAccount(actor: AuthUser): string {
  if (!isCustomerActor(actor) || !actor.accountId) {
    throw badRequest('Only customer users can filter by what they bought before', [
      { field: 'boughtBefore', message: 'is for customer users' },
    ]);
  }
  return actor.accountId;
}

/** The minimum order quantity must itself be a whole number of packs. */
function checkPackRules(product: ProductEntity): void {
  if (product.minOrderQty % product.orderMultiple !== 0) {
    throw badRequest('The minimum order quantity must be a multiple of the order multiple', [
      { field: 'minOrderQty', message: `must be a multiple of orderMultiple (${product.orderMultiple})` },
    ]);
  }
}

/**
 * Units available now and the earliest ship date of one unit, at the account's warehouse, set on
 * `product` (a page's own new object: filled in place, as copying each product twice more per page
 * showed in the catalog's profile).
 */
function withAvailability<T extends Product>(
  product: T,
  stock: Map<string, CatalogAvailability> | undefined,
): T {
  const found = stock?.get(product.id);
  if (!found) return product;
  product.available = found.availability.available;
  product.availability = found.availability;
  return product;
}

type CatalogPrice = Pick<Product, 'unitPrice' | 'priceSource' | 'savingsPerUnit' | 'nextBreak'>;

/**
 * The catalog's prices per price book, by product, list price and minimum: a
 * book is one account's prices on one date, cached for display and replaced
 * on any change, so what it priced once it prices the same until then. Many
 * buyers page through the same products; each page no longer re-prices them.
 */
const catalogPrices = new WeakMap<PriceBook, Map<string, CatalogPrice>>();
const CATALOG_PRICES_PER_BOOK = 20_000;

/**
 * The account's price at the product's minimum order quantity, with the saving per unit and the
 * next break, set on `product` (a page's own new object, as above).
 */
function withPrice(product: Product, book: PriceBook): Product {
  const key = `${product.id}|${product.listPrice}|${product.minOrderQty}`;
  let prices = catalogPrices.get(book);
  let price = prices?.get(key);
  if (!price) {
    const priced = book.price(product, product.minOrderQty);
    price = {
      unitPrice: formatMoney(priced.unitPrice),
      priceSource: priced.source,
      savingsPerUnit: formatMoney(parseMoney(product.listPrice) - priced.unitPrice),
      nextBreak: toNextBreak(priced),
    };
    if (!prices) catalogPrices.set(book, (prices = new Map()));
    if (prices.size < CATALOG_PRICES_PER_BOOK) prices.set(key, price);
  }
  product.unitPrice = price.unitPrice;
  product.priceSource = price.priceSource;
  product.savingsPerUnit = price.savingsPerUnit;
  product.nextBreak = price.nextBreak;
  return product;
}
