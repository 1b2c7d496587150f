import { Injectable } from '@nestjs/common';
import type { Quote, QuoteLine } from '@tradecounter/contracts';
import { formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import { AccountsService } from '../../accounts/accounts.service';
import type { AuthUser } from '../../auth/auth-user';
import { LineResolver } from '../../catalog/line-resolver';
import type { QuoteDto } from '../dto/quote.dto';
import { PriceCalculator, toQuoteLine } from '../price-calculator';

/** POST /api/pricing/quote: the account's price for each line, with where it came from. */
@Injectable()
export class QuoteService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly lineResolver: LineResolver,
    private readonly calculator: PriceCalculator,
  ) {}

  async quote(actor: AuthUser, body: QuoteDto): Promise<Quote> {
    const accountId = await this.accounts.resolveActingAccount(actor, body.accountId);
    // Priced as asked: a quantity the pack rules would refuse still gets its price (and its rules shown).
    const resolved = await this.lineResolver.resolve(body.lines, { packRules: false });
    const book = await this.calculator.priceBook(
      accountId,
      resolved.map((line) => line.product.id),
      body.date,
    );
    const lines: QuoteLine[] = resolved.map(({ product, quantity }) =>
      toQuoteLine(product, quantity, book.price(product, quantity)),
    );
    return {
      currency: this.calculator.currency,
      accountId,
      date: book.date,
      subtotal: formatMoney(sumMoney(lines.map((line) => parseMoney(line.lineTotal)))),
      savings: formatMoney(sumMoney(lines.map((line) => parseMoney(line.savings)))),
      lines,
    };
  }
}
