import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INTERNAL_ROLES, InternalUser, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CreateInternalUserDto, InternalUserQueryDto, UpdateInternalUserDto } from './dto/internal-user.dto';
import { toInternalUser } from './user.mapper';
import { UsersService } from './users.service';
import { ApiResult } from '../openapi/api-result';

/** The distributor's own staff. Customer users live under /accounts/:id/users. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiResult('Page<InternalUser>')
  @Roles('admin', 'manager', 'account_manager')
  @ApiOperation({ summary: 'Internal users (staff), e.g. to pick an account manager' })
  async list(@Query() query: InternalUserQueryDto): Promise<Page<InternalUser>> {
    const page = await this.users.listInternal(query, pageRequest(query));
    return { ...page, items: page.items.map(toInternalUser) };
  }

  @Post()
  @ApiResult('InternalUser')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff user' })
  async create(@CurrentUser() actor: AuthUser, @Body() body: CreateInternalUserDto): Promise<InternalUser> {
    return toInternalUser(await this.users.create(actor, { ...body, accountId: null }));
  }

  @Patch(':id')
  @ApiResult('InternalUser')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a staff user; a new password or deactivation ends their sessions' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateInternalUserDto,
  ): Promise<InternalUser> {
    return toInternalUser(await this.users.update(actor, id, body, INTERNAL_ROLES));
  }
}
