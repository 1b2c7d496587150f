import { Module, OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountsService } from '../accounts/accounts.service';
import { AvailabilityModule } from '../availability/availability.module';
import { AvailabilityService } from '../availability/availability.service';
import { CatalogModule } from '../catalog/catalog.module';
import { PricingModule } from '../pricing/pricing.module';
import { AccountCreditController } from './account-credit.controller';
import { CartPort } from './cart-port';
import { IdempotencyRepository } from './idempotency.repository';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderPlacementService } from './order-placement.service';
import { OrderRepromiseService } from './order-repromise.service';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { RepromiseRepository } from './repromise.repository';

/**
 * Placing orders and their life until fulfilment. It reaches accounts,
 * catalog, pricing and availability through their services, and gives two
 * things back at start-up: credit exposure for the account views, and the
 * steps that follow a receipt: its order lines promised anew, and its
 * allocations turned into their reserved stock.
 */
@Module({
  imports: [AccountsModule, CatalogModule, PricingModule, AvailabilityModule],
  controllers: [OrdersController, AccountCreditController],
  providers: [
    OrdersRepository,
    IdempotencyRepository,
    OrdersService,
    OrderPlacementService,
    OrderLifecycleService,
    OrderRepromiseService,
    RepromiseRepository,
    CartPort,
  ],
  exports: [OrdersService, OrderPlacementService, CartPort],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly availability: AvailabilityService,
    private readonly orders: OrdersService,
    private readonly repository: OrdersRepository,
    private readonly repromise: OrderRepromiseService,
  ) {}

  onModuleInit(): void {
    this.accounts.provideCreditExposure((accountIds) => this.orders.exposure(accountIds));
    this.availability.onReceiptChange(async (tx, change) => {
      // Dates first, while the lines still know which receipt they wait for.
      await this.repromise.receiptChanged(tx, change);
      if (change.kind === 'received') await this.repository.receiveAllocations(tx, change.inboundId);
    });
  }
}
