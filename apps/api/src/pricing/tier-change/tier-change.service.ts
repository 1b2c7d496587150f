import { Injectable } from '@nestjs/common';
import type { TierChangePreview } from '@tradecounter/contracts';
import { formatMoney } from '@tradecounter/domain';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service';
import type { AuthUser } from '../../auth/auth-user';
import { badRequest } from '../../common/http/problem';
import { PriceCalculator, PricedProduct } from '../price-calculator';
import { RecentLineRow, TierChangeRepository } from './tier-change.repository';

/**
 * What moving an account to another price tier does to its prices, shown
 * before the change is saved: a few of its recent order lines priced today
 * by the one PriceCalculator, on the present tier and on the proposed one.
 * The proposed tier is priced by moving the account in a transaction that is
 * always rolled back, so the calculator prices it exactly as it would after
 * the change, and nothing is written.
 */
@Injectable()
export class TierChangeService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly calculator: PriceCalculator,
    private readonly repository: TierChangeRepository,
    private readonly dataSource: DataSource,
  ) {}

  async preview(actor: AuthUser, accountId: string, tierId: string | null): Promise<TierChangePreview> {
    await this.accounts.requireReadable(actor, accountId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const tx = runner.manager;
      const newTier = tierId === null ? null : await this.repository.tier(tx, tierId);
      if (newTier === undefined) {
        throw badRequest('No such price tier', [{ field: 'priceTierId', message: 'is not a price tier' }]);
      }
      const currentTier = await this.repository.currentTier(tx, accountId);
      const lines = await this.repository.recentLines(tx, accountId);
      const productIds = lines.map((line) => line.productId);
      const today = this.calculator.today();
      const before = await this.calculator.priceBook(accountId, productIds, today, { manager: tx });
      await this.repository.moveForPreview(tx, accountId, tierId);
      const after = await this.calculator.priceBook(accountId, productIds, today, { manager: tx });
      return {
        accountId,
        currentTier,
        newTier,
        lines: lines.map((line) => {
          const product = pricedProduct(line);
          const current = before.price(product, line.quantity).unitPrice;
          const next = after.price(product, line.quantity).unitPrice;
          return {
            orderNumber: line.orderNumber,
            orderedAt: new Date(line.orderedAt).toISOString(),
            productId: line.productId,
            sku: line.sku,
            name: line.name,
            quantity: line.quantity,
            orderedUnitPrice: line.unitPrice,
            currentUnitPrice: formatMoney(current),
            newUnitPrice: formatMoney(next),
            change: formatMoney(next - current),
          };
        }),
      };
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

function pricedProduct(line: RecentLineRow): PricedProduct {
  return {
    id: line.productId,
    sku: line.sku,
    name: line.name,
    listPrice: line.listPrice,
    minOrderQty: line.minOrderQty,
  };
}
