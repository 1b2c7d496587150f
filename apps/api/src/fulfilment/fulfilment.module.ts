import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { CarrierTrackingController } from './carrier-tracking.controller';
import { CarrierTrackingRepository } from './carrier-tracking.repository';
import { CarrierTrackingService } from './carrier-tracking.service';
import { OrdersModule } from '../orders/orders.module';
import { DeliveryRatingService } from './delivery-rating.service';
import { FulfilmentBoardRepository } from './fulfilment-board.repository';
import { FulfilmentBoardService } from './fulfilment-board.service';
import { FulfilmentController } from './fulfilment.controller';
import { OrderFulfilmentController } from './order-fulfilment.controller';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsRepository } from './shipments.repository';
import { ShippingService } from './shipping.service';
import { WarehouseModule } from '../warehouse/warehouse.module';

/**
 * Warehouse fulfilment: the board and pick list, picking, packing, shipping
 * in parts and delivery, and the buyer's delivery rating. Order status
 * changes go through ordering's OrderLifecycleService (one lock, event and
 * audit for every step), stock through AvailabilityService.
 */
@Module({
  imports: [OrdersModule, AvailabilityModule, WarehouseModule],
  controllers: [
    FulfilmentController,
    OrderFulfilmentController,
    ShipmentsController,
    CarrierTrackingController,
  ],
  providers: [
    FulfilmentBoardRepository,
    FulfilmentBoardService,
    ShipmentsRepository,
    ShippingService,
    DeliveryRatingService,
    CarrierTrackingRepository,
    CarrierTrackingService,
  ],
  exports: [ShippingService],
})
export class FulfilmentModule {}
