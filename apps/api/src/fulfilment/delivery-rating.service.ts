import { Injectable } from '@nestjs/common';
import type { Order } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict } from '../common/http/problem';
import { OrdersService } from '../orders/orders.service';
import type { RateDeliveryDto } from './dto/rate-delivery.dto';
import { ShipmentsRepository } from './shipments.repository';

/** A user of the order's account rates its delivery: once, and only once it is delivered. */
@Injectable()
export class DeliveryRatingService {
  constructor(
    private readonly orders: OrdersService,
    private readonly shipments: ShipmentsRepository,
  ) {}

  async rate(actor: AuthUser, orderId: string, body: RateDeliveryDto): Promise<Order> {
    const order = await this.orders.get(actor, orderId); // 404 for another account's
    if (order.status !== 'delivered') {
      throw conflict(
        `Order ${order.number} is ${order.status}; a delivery can be rated once it is delivered`,
      );
    }
    const comment = body.comment?.trim() || null;
    const rated = await this.shipments.insertRating(order.id, {
      score: body.score,
      comment,
      ratedBy: actor.id,
    });
    if (!rated) throw conflict(`The delivery of order ${order.number} has already been rated`);
    return this.orders.get(actor, orderId);
  }
}
