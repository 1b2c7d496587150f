import { DynamicModule, Module } from '@nestjs/common';
import { ChannelsModule } from './channels/channels.module';
import { ReportsModule } from './reports/reports.module';
import { LoggerModule } from 'nestjs-pino';
import type pino from 'pino';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AvailabilityModule } from './availability/availability.module';
import { CartModule } from './cart/cart.module';
import { CatalogModule } from './catalog/catalog.module';
import { ChangeNoticesModule } from './common/change-notices';
import { loggerOptions } from './common/logging';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsModule } from './documents/documents.module';
import { SeedModule } from './database/seed/seed.module';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { ImportsModule } from './imports/imports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { SalesQuotesModule } from './quotes/quotes.module';
import { SettingsModule } from './settings/settings.module';
import { ReturnsModule } from './returns/returns.module';
import { PricingModule } from './pricing/pricing.module';
import { PurchasingModule } from './purchasing/purchasing.module';
import { PurchasePlanningModule } from './purchasing/purchase-planning.module';
import { QuoteModule } from './pricing/quote/quote.module';
import { StandingOrdersModule } from './standing-orders/standing-orders.module';
import { TemplatesModule } from './templates/templates.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The composition root: which contexts make up the API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: pino.Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(logger)),
        DatabaseModule.forRoot(databaseUrl),
        ChangeNoticesModule,
        AuditModule,
        SettingsModule,
        UsersModule,
        AuthModule,
        AccountsModule,
        PricingModule,
        AvailabilityModule,
        CatalogModule,
        QuoteModule,
        OrdersModule,
        SalesQuotesModule,
        ReturnsModule,
        PurchasingModule,
        PurchasePlanningModule,
        FulfilmentModule,
        CartModule,
        TemplatesModule,
        ChannelsModule,
        ReportsModule,
        DocumentsModule,
        WebhooksModule,
        NotificationsModule,
        StandingOrdersModule,
        HomeModule,
        ImportsModule,
        EventsModule,
        HealthModule,
        SeedModule,
      ],
    };
  }
}
