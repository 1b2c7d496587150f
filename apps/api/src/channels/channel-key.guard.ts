import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { LiveChannel } from './channels.repository';
import { ChannelsService } from './channels.service';

type ChannelRequest = Request & { channel?: LiveChannel };

/**
 * For routes integrations call (marked @Public, so no user token): a live
 * integration's key in `X-Api-Key`, or 401.
 */
@Injectable()
export class ChannelKeyGuard implements CanActivate {
  /** The OpenAPI document reads this: a route behind this guard takes an API key and nothing else. */
  static readonly apiKeyOnly = true;

  constructor(private readonly channels: ChannelsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ChannelRequest>();
    const header = request.headers['x-api-key'];
    request.channel = await this.channels.authenticate(Array.isArray(header) ? header[0] : header);
    return true;
  }
}

/** The integration ChannelKeyGuard let in. */
export const CurrentChannel = createParamDecorator((_: unknown, context: ExecutionContext): LiveChannel => {
  const channel = context.switchToHttp().getRequest<ChannelRequest>().channel;
  if (!channel) throw new Error('CurrentChannel used without ChannelKeyGuard');
  return channel;
});
