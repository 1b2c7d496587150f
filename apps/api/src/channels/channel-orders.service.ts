import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { badRequest } from '../common/http/problem';
import { OrderPlacementService, Placement } from '../orders/order-placement.service';
import type { ChannelEntity } from './channel.entity';
import type { ChannelOrderDto } from './dto/channel-order.dto';

/**
 * Orders from integrations: the account named by its code, the address one
 * of the account's or sent with the order, then the same placement as the
 * portal's (pricing, promise, credit, events), recorded with the
 * integration's name as the channel and its reference, never twice.
 */
@Injectable()
export class ChannelOrdersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly placement: OrderPlacementService,
  ) {}

  async place(channel: ChannelEntity, body: ChannelOrderDto): Promise<Placement> {
    if ((body.shippingAddressId === undefined) === (body.address === undefined)) {
      throw badRequest('Say where to ship: shippingAddressId or address, not both', [
        { field: 'shippingAddressId', message: 'give either shippingAddressId or address' },
      ]);
    }
    const accountId = await this.accounts.idByCode(body.accountCode);
    if (!accountId) {
      throw badRequest('No account has this code', [
        { field: 'accountCode', message: 'is not a known account' },
      ]);
    }
    const { accountCode: _code, address, ...rest } = body;
    return this.placement.placeForChannel(channel.name, {
      ...rest,
      accountId,
      shipComplete: body.shipComplete ?? false,
      ...(address
        ? {
            shippingAddress: {
              label: address.label,
              line1: address.line1,
              line2: address.line2 ?? null,
              city: address.city,
              region: address.region ?? null,
              postcode: address.postcode,
              country: address.country,
            },
          }
        : {}),
    });
  }
}
