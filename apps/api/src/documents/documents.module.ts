import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FulfilmentModule } from '../fulfilment/fulfilment.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrdersModule } from '../orders/orders.module';
import { PurchasingModule } from '../purchasing/purchasing.module';
import { SalesQuotesModule } from '../quotes/quotes.module';
import { ReturnsModule } from '../returns/returns.module';
import { SettingsModule } from '../settings/settings.module';
import { DocumentsController } from './documents.controller';
import { DocumentMailAttachments } from './document-mail';
import { DocumentsService } from './documents.service';

/** PDF documents of other contexts' objects, drawn by one layout (see docs/documents.md). */
@Module({
  imports: [
    AccountsModule,
    OrdersModule,
    SalesQuotesModule,
    PurchasingModule,
    FulfilmentModule,
    SettingsModule,
    NotificationsModule,
    ReturnsModule,
  ],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentMailAttachments],
})
export class DocumentsModule {}
