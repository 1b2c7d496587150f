import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ChannelsService } from './channels.service';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @ApiResult('Channel[]')
  @Roles('admin')
  @ApiOperation({
    summary: 'Channels (integrations), live first, each with the accounts its key may order for',
  })
  list(): Promise<Channel[]> {
    return this.channels.list();
  }

  @Post()
  @ApiResult('CreatedChannel')
  @Roles('admin')
  @ApiOperation({
    summary:
      'A new channel (integration); its API key is in this answer and never shown again. Bound to the accounts named in accountIds, to every account with allAccounts, else to none',
  })
  @ApiBadRequestResponse({
    description: 'A bad name, an id that is no account, or both allAccounts and accountIds',
  })
  @ApiConflictResponse({ description: 'The name is taken' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateChannelDto): Promise<CreatedChannel> {
    return this.channels.create(actor, body);
  }

  @Patch(':id')
  @ApiResult('Channel')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change the accounts a channel’s key may order for, and whether its orders may carry an address',
  })
  @ApiBadRequestResponse({ description: 'An id that is no account, or both allAccounts and accountIds' })
  @ApiNotFoundResponse({ description: 'No such channel' })
  @ApiConflictResponse({ description: 'The channel is revoked' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateChannelDto,
  ): Promise<Channel> {
    return this.channels.update(actor, id, body);
  }

  @Post(':id/revoke')
  @ApiResult('Channel')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a channel: its key stops working at once; its orders stay' })
  revoke(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Channel> {
    return this.channels.revoke(actor, id);
  }
}
