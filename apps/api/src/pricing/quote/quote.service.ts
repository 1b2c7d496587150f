import { Injectable } from '@nestjs/common';
import type { FieldError, Quote, QuoteLine } from '@tradecounter/contracts';
import { formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import { AccountsService } from '../../accounts/accounts.service';
import type { AuthUser } from '../../auth/auth-user';
import { CatalogService } from '../../catalog/catalog.service';
import { badRequest } from '../../common/http/problem';
import type { QuoteDto, QuoteLineDto } from '../dto/quote.dto';
import { PriceCalculator, QuotedProduct, toQuoteLine } from '../price-calculator';

/** POST /api/pricing/quote: the account's price for each line, with where it came from. */
@Injectable()
export class QuoteService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly catalog: CatalogService,
    private readonly calculator: PriceCalculator,
  ) {}

  async quote(actor: AuthUser, body: QuoteDto): Promise<Quote> {
    const accountId = await this.accounts.resolveActingAccount(actor, body.accountId);
    const products = await this.resolveProducts(body.lines);
    const book = await this.calculator.priceBook(
      accountId,
      [...new Set(products.map((product) => product.id))],
      body.date,
    );
    const lines: QuoteLine[] = body.lines.map((line, index) => {
      const product = products[index] as QuotedProduct;
      return toQuoteLine(product, line.quantity, book.price(product, line.quantity));
    });
    return {
      currency: this.calculator.currency,
      accountId,
      date: book.date,
      subtotal: formatMoney(sumMoney(lines.map((line) => parseMoney(line.lineTotal)))),
      savings: formatMoney(sumMoney(lines.map((line) => parseMoney(line.savings)))),
      lines,
    };
  }

  /** One product per line, in line order; every unknown, ambiguous or repeated line is reported. */
  private async resolveProducts(lines: QuoteLineDto[]): Promise<QuotedProduct[]> {
    const ids = lines.flatMap((line) => (line.productId ? [line.productId.toLowerCase()] : []));
    const skus = lines.flatMap((line) => (line.sku ? [line.sku] : []));
    const found = await this.catalog.findActiveByIdsOrSkus(ids, skus);
    const byId = new Map(found.map((product) => [product.id, product]));
    const bySku = new Map(found.map((product) => [product.sku, product]));
    const errors: FieldError[] = [];
    const seen = new Map<string, number>();
    const products = lines.map((line, index) => {
      if ((line.productId === undefined) === (line.sku === undefined)) {
        errors.push({ field: `lines[${index}]`, message: 'give either productId or sku' });
        return undefined;
      }
      const product = line.productId ? byId.get(line.productId.toLowerCase()) : bySku.get(line.sku ?? '');
      if (!product) {
        errors.push({
          field: `lines[${index}].${line.productId ? 'productId' : 'sku'}`,
          message: 'is not an active product',
        });
        return undefined;
      }
      const first = seen.get(product.id);
      if (first !== undefined)
        errors.push({
          field: `lines[${index}]`,
          message: `repeats the product of line ${first}; one line per product`,
        });
      seen.set(product.id, index);
      return product;
    });
    if (errors.length > 0) throw badRequest('Some lines cannot be priced', errors);
    return products as QuotedProduct[];
  }
}
