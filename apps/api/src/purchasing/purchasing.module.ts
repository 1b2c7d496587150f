import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { OrdersModule } from '../orders/orders.module';
import { PurchaseOrdersRepository } from './purchase-orders.repository';
import { PurchaseOrdersService } from './purchase-orders.service';

/**
 * Purchasing: suppliers, products' purchasing facts, purchase orders. A
 * sent order's open units are inbound supply; PurchaseOrdersService is
 * exported so planning can draft orders for the shortfall.
 */
@Module({
  imports: [AvailabilityModule, OrdersModule],
  controllers: [],
  providers: [PurchaseOrdersRepository, PurchaseOrdersService],
  exports: [PurchaseOrdersService, PurchaseOrdersRepository],
})
export class PurchasingModule {}
