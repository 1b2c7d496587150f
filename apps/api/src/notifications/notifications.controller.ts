import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationList, NotificationsUpdated } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationsService } from './notifications.service';
import { ApiEmptyResult, ApiResult } from '../openapi/api-result';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ANY_ROLE)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiResult('NotificationList')
  @ApiOperation({
    summary:
      'The signed-in user’s notifications, newest first (order confirmed, waiting for approval, on hold, ' +
      'shipped, delivered, backorder date moved), with the number unread',
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: NotificationQueryDto): Promise<NotificationList> {
    return this.notifications.list(actor, query.unread ?? false, pageRequest(query));
  }

  @Post('read-all')
  @ApiResult('NotificationsUpdated')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification read' })
  readAll(@CurrentUser() actor: AuthUser): Promise<NotificationsUpdated> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @ApiEmptyResult()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Read (404 for another user’s)' })
  @ApiOperation({ summary: 'Mark one notification read' })
  read(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }
}
