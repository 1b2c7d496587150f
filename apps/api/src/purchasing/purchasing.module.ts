import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { OrdersModule } from '../orders/orders.module';
import { PurchaseOrderSupplyService } from './purchase-order-supply.service';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersRepository } from './purchase-orders.repository';
import { PurchaseOrdersService } from './purchase-orders.service';
import {
  ProductSupplyController,
  PurchasingSettingsController,
  SuppliersController,
} from './suppliers.controller';
import { SuppliersRepository } from './suppliers.repository';
import { SuppliersService } from './suppliers.service';

/**
 * Purchasing: suppliers, products' purchasing facts, purchase orders. A
 * sent order's open units are inbound supply (AvailabilityModule's
 * receipts), and the order lines they promise move through OrdersModule's
 * PurchaseSupplyService. PurchaseOrdersService (createDrafts) and the
 * repositories are exported for planning (shortfall, suggestions) and the PDF.
 */
@Module({
  imports: [AvailabilityModule, OrdersModule],
  controllers: [
    SuppliersController,
    ProductSupplyController,
    PurchasingSettingsController,
    PurchaseOrdersController,
  ],
  providers: [
    SuppliersRepository,
    SuppliersService,
    PurchaseOrdersRepository,
    PurchaseOrdersService,
    PurchaseOrderSupplyService,
  ],
  exports: [PurchaseOrdersService, PurchaseOrdersRepository, SuppliersRepository],
})
export class PurchasingModule {}
