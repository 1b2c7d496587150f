import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Account, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { AccountsService } from './accounts.service';
import { AccountQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiResult('Page<Account>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'Accounts the caller may see: all (staff), their own (customers), assigned (account managers)',
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: AccountQueryDto): Promise<Page<Account>> {
    const { search, status, accountManagerId, sort, dir } = query;
    return this.accounts.list(actor, { search, status, accountManagerId, sort, dir }, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('Account')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One account; its ETag is the version to send back as If-Match' })
  async get(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Account> {
    const account = await this.accounts.get(actor, id);
    response.setHeader('ETag', await this.accounts.etag(actor, id));
    return account;
  }

  @Post()
  @ApiResult('Account')
  @Roles('admin', 'account_manager')
  @ApiOperation({ summary: 'Open an account' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateAccountDto): Promise<Account> {
    return this.accounts.create(actor, body);
  }

  @Patch(':id')
  @ApiResult('Account')
  @Roles('admin', 'account_manager')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read; a stale one answers 412' })
  @ApiOperation({ summary: 'Change status, credit limit, terms, PO rule, tier or manager; audited' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateAccountDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Account> {
    const account = await this.accounts.update(actor, id, body, ifMatch);
    response.setHeader('ETag', await this.accounts.etag(actor, id));
    return account;
  }
}
