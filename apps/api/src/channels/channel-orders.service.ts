import { HttpStatus, Injectable } from '@nestjs/common';
import { channelMayActFor } from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import { badRequest, ProblemException } from '../common/http/problem';
import { OrderPlacementService, Placement } from '../orders/order-placement.service';
import type { LiveChannel } from './channels.repository';
import type { ChannelOrderDto } from './dto/channel-order.dto';

/**
 * Orders from integrations: the account named by its code and within the
 * channel's binding, the address one of the account's (or, where the channel
 * allows it, sent with the order), then the same placement as the portal's
 * (pricing, promise, credit, events), recorded with the channel's name and
 * the sender's reference, never twice.
 */
@Injectable()
export class ChannelOrdersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly placement: OrderPlacementService,
  ) {}

  async place(channel: LiveChannel, body: ChannelOrderDto): Promise<Placement> {
    if ((body.shippingAddressId === undefined) === (body.address === undefined)) {
      throw badRequest('Say where to ship: shippingAddressId or address, not both', [
        { field: 'shippingAddressId', message: 'give either shippingAddressId or address' },
      ]);
    }
    if (body.address && !channel.allowAddresses) {
      throw badRequest('This channel may not send ship-to addresses: name one of the account’s', [
        { field: 'address', message: 'is not allowed for this channel; send shippingAddressId instead' },
      ]);
    }
    // An account outside the binding answers exactly as one that does not
    // exist (one lookup either way), so a key cannot tell codes apart.
    const accountId = await this.accounts.idByCode(body.accountCode);
    if (!accountId || !channelMayActFor(channel, accountId)) throw unknownAccount();
    const { accountCode: _code, address, ...rest } = body;
    const placed = await this.placement.placeForChannel(channel.name, {
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
    // A repeated reference returns the order it made, if that order's account is still within reach.
    if (!placed.created && !channelMayActFor(channel, placed.order.accountId)) throw unknownAccount();
    return placed;
  }
}

function unknownAccount(): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'No account with this code is open to this channel', [
    { field: 'accountCode', message: 'is not an account this key may order for' },
  ]);
}
