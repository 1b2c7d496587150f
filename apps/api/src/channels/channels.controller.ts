import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ChannelsService } from './channels.service';
import { CreateChannelDto } from './dto/channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Integrations, live first' })
  list(): Promise<Channel[]> {
    return this.channels.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'A new integration; its API key is in this answer and never shown again' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateChannelDto): Promise<CreatedChannel> {
    return this.channels.create(actor, body.name);
  }

  @Post(':id/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an integration: its key stops working at once; its orders stay' })
  revoke(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Channel> {
    return this.channels.revoke(actor, id);
  }
}
