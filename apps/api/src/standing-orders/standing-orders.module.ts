import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AvailabilityModule } from '../availability/availability.module';
import { CatalogModule } from '../catalog/catalog.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrdersModule } from '../orders/orders.module';
import { PricingModule } from '../pricing/pricing.module';
import { StandingOrderRunner } from './standing-order-runner';
import { StandingOrderScheduler } from './standing-order-scheduler';
import { StandingOrdersController } from './standing-orders.controller';
import { StandingOrdersRepository } from './standing-orders.repository';
import { StandingOrdersService } from './standing-orders.service';

/** Orders that place themselves on a schedule: the routes, the runner and its timer. */
@Module({
  imports: [
    AccountsModule,
    AvailabilityModule,
    CatalogModule,
    NotificationsModule,
    OrdersModule,
    PricingModule,
  ],
  controllers: [StandingOrdersController],
  providers: [StandingOrdersRepository, StandingOrdersService, StandingOrderRunner, StandingOrderScheduler],
  exports: [StandingOrderRunner],
})
export class StandingOrdersModule {}
