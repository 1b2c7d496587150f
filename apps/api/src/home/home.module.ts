import { Module } from '@nestjs/common';
import { MeWorkController } from './me-work.controller';
import { WorkRepository } from './work.repository';
import { WorkService } from './work.service';

/**
 * Every role at its work: a buyer's "order again" list and the counts the
 * portal's navigation shows. Reads only (orders, cart, notifications).
 */
@Module({
  controllers: [MeWorkController],
  providers: [WorkRepository, WorkService],
})
export class HomeModule {}
