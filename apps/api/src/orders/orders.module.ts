import { Module, OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountsService } from '../accounts/accounts.service';
import { AvailabilityModule } from '../availability/availability.module';
import { AvailabilityService } from '../availability/availability.service';
import { CatalogModule } from '../catalog/catalog.module';
import { PricingModule } from '../pricing/pricing.module';
import { AccountCreditController } from './account-credit.controller';
import { BackorderFillService } from './backorder-fill.service';
import { BackorderRepository } from './backorder.repository';
import { CartPort } from './cart-port';
import { IdempotencyRepository } from './idempotency.repository';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderPlacementService } from './order-placement.service';
import { OrderRepromiseService } from './order-repromise.service';
import { OrderShippingService } from './order-shipping.service';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { RepromiseRepository } from './repromise.repository';

/**
 * Placing orders and their life until fulfilment. It reaches accounts,
 * catalog, pricing and availability through their services, and gives two
 * things back at start-up: credit exposure for the account views, and the
 * steps that follow a receipt: its order lines promised anew, its
 * allocations turned into their reserved stock, and its other units
 * reserved for backordered lines. Fulfilment moves orders on through
 * OrderLifecycleService.transition and OrderShippingService.
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
    BackorderRepository,
    BackorderFillService,
    OrderShippingService,
    CartPort,
  ],
  exports: [
    OrdersService,
    OrderPlacementService,
    OrderLifecycleService,
    OrderShippingService,
    CartPort,
    RepromiseRepository,
  ],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly availability: AvailabilityService,
    private readonly orders: OrdersService,
    private readonly repository: OrdersRepository,
    private readonly repromise: OrderRepromiseService,
    private readonly backorders: BackorderFillService,
  ) {}

  onModuleInit(): void {
    this.accounts.provideCreditExposure((accountIds) => this.orders.exposure(accountIds));
    this.availability.onReceiptChange(async (tx, change) => {
      // Dates first, while the lines still know which receipt they wait for.
      await this.repromise.receiptChanged(tx, change);
      if (change.kind === 'received') {
        await this.repository.receiveAllocations(tx, change.inboundId);
        // Then the units nobody was promised go to backordered lines, oldest order first.
        await this.backorders.received(tx, change);
      }
    });
  }
}
