import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AvailabilityService } from './availability.service';
import { HolidaysController } from './holidays.controller';
import { HolidaysRepository } from './holidays.repository';
import { HolidaysService } from './holidays.service';
import { InboundController } from './inbound.controller';
import { InboundRepository } from './inbound.repository';
import { InboundService } from './inbound.service';
import { PromiseController } from './promise.controller';
import { PromiseService } from './promise.service';
import { PublicHolidaysService } from './public-holidays.service';
import { CatalogSupplyCache } from './catalog-supply.cache';
import { PromiseSettingsCache } from './promise-settings.cache';
import { ReceiptHooks } from './receipt-hooks';
import { StockController } from './stock.controller';
import { StockRepository } from './stock.repository';
import { StockService } from './stock.service';
import { StockImport } from './stock-import';
import { SupplyRepository } from './supply.repository';
import { WarehousesController } from './warehouses.controller';
import { WarehousesRepository } from './warehouses.repository';
import { WarehousesService } from './warehouses.service';

/** Warehouses, the business calendar, stock, inbound supply and promises. */
@Module({
  imports: [AccountsModule],
  controllers: [
    WarehousesController,
    HolidaysController,
    StockController,
    InboundController,
    PromiseController,
  ],
  providers: [
    PromiseSettingsCache,
    CatalogSupplyCache,
    ReceiptHooks,
    SupplyRepository,
    AvailabilityService,
    PromiseService,
    WarehousesRepository,
    WarehousesService,
    HolidaysRepository,
    HolidaysService,
    PublicHolidaysService,
    StockRepository,
    StockService,
    StockImport,
    InboundRepository,
    InboundService,
  ],
  // Purchasing makes, receives and moves its orders' receipts through the same code as receipts made by hand.
  exports: [
    AvailabilityService,
    InboundService,
    InboundRepository,
    StockRepository,
    PromiseSettingsCache,
    CatalogSupplyCache,
    StockImport,
  ],
})
export class AvailabilityModule {}
