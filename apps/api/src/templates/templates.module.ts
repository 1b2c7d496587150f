import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrdersModule } from '../orders/orders.module';
import { TemplatesController } from './templates.controller';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

/** The account's saved order lists: made from lines, the cart or a past order, and put back in the cart. */
@Module({
  imports: [CartModule, CatalogModule, OrdersModule],
  controllers: [TemplatesController],
  providers: [TemplatesRepository, TemplatesService],
})
export class TemplatesModule {}
