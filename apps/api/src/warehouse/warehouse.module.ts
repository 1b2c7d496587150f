import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { OrdersModule } from '../orders/orders.module';
import { OrderCheckController } from './order-check.controller';
import { OrderCheckRepository } from './order-check.repository';
import { OrderCheckService } from './order-check.service';
import { ShortPickRepository } from './short-pick.repository';
import { ShortPickService } from './short-pick.service';
import { VelocityRepository } from './velocity.repository';
import { VelocityService } from './velocity.service';
import { WavesController } from './waves.controller';
import { WavesRepository } from './waves.repository';
import { WavesService } from './waves.service';

/**
 * The warehouse floor (issue 16): waves and short picks, the check step
 * before packing (fulfilment's packing asks OrderCheckService), velocity and
 * slotting. Order status changes go through ordering's lifecycle; stock
 * through AvailabilityService.
 */
@Module({
  imports: [OrdersModule, AvailabilityModule],
  controllers: [WavesController, OrderCheckController],
  providers: [
    WavesRepository,
    WavesService,
    ShortPickRepository,
    ShortPickService,
    OrderCheckRepository,
    OrderCheckService,
    VelocityRepository,
    VelocityService,
  ],
  exports: [OrderCheckService],
})
export class WarehouseModule {}
