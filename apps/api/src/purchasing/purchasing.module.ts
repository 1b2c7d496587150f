import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { OrdersModule } from '../orders/orders.module';
import { ProductSupplyImport } from './product-supply-import';
import { PurchaseOrderSupplyService } from './purchase-order-supply.service';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersRepository } from './purchase-orders.repository';
import { PurchaseOrdersService } from './purchase-orders.service';
import {
  ProductSupplyController,
  PurchasingSettingsController,
  SuppliersController,
} from './suppliers.controller';
import { SupplierImport } from './supplier-import';
import { SuppliersRepository } from './suppliers.repository';
import { SuppliersService } from './suppliers.service';
import { SupplyImportRepository } from './supply-import.repository';

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
    SupplyImportRepository,
    SupplierImport,
    ProductSupplyImport,
  ],
  exports: [
    PurchaseOrdersService,
    PurchaseOrdersRepository,
    SuppliersRepository,
    SupplierImport,
    ProductSupplyImport,
  ],
})
export class PurchasingModule {}
