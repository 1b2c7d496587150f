import { Module, OnModuleInit } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { CartPort } from '../orders/cart-port';
import { OrdersModule } from '../orders/orders.module';
import { PricingModule } from '../pricing/pricing.module';
import { CartMergeService } from './cart-merge.service';
import { CartController } from './cart.controller';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';

/**
 * The customer's server-side cart: lines, quick order (JSON and CSV) and
 * reorder. Prices come from pricing and promises from availability; it reads
 * past orders through the orders' service, and plugs itself into their
 * CartPort at start-up so an order placed without lines orders the cart.
 */
@Module({
  imports: [PricingModule, AvailabilityModule, OrdersModule],
  controllers: [CartController],
  providers: [CartRepository, CartService, CartMergeService],
  exports: [CartService, CartMergeService],
})
export class CartModule implements OnModuleInit {
  constructor(
    private readonly port: CartPort,
    private readonly cart: CartService,
  ) {}

  onModuleInit(): void {
    this.port.connect(this.cart);
  }
}
