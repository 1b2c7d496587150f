import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AvailabilityModule } from '../availability/availability.module';
import { CatalogModule } from '../catalog/catalog.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrdersModule } from '../orders/orders.module';
import { PricingModule } from '../pricing/pricing.module';
import { QuoteExpiryWorker } from './quote-expiry.worker';
import { QuotesController } from './quotes.controller';
import { QuotesRepository } from './quotes.repository';
import { QuotesService } from './quotes.service';

/**
 * Sales quotes: requests, quoting, revisions, the buyer's answer, expiry.
 * Accepting places the order through OrdersModule's OrderPlacementService.
 * QuotesService and QuotesRepository are exported for the quote PDF and the
 * quote-conversion report.
 */
@Module({
  imports: [
    AccountsModule,
    AvailabilityModule,
    CatalogModule,
    NotificationsModule,
    OrdersModule,
    PricingModule,
  ],
  controllers: [QuotesController],
  providers: [QuotesRepository, QuotesService, QuoteExpiryWorker],
  exports: [QuotesService, QuotesRepository],
})
export class SalesQuotesModule {}
