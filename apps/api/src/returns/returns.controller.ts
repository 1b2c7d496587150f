import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, ProductReturn, ReturnReceiptResult, ReturnSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import {
  ApproveReturnDto,
  CreateReturnDto,
  ReceiveReturnDto,
  ReturnListQueryDto,
  ReturnReasonDto,
} from './dto/return.dto';
import { ReturnReceivingService } from './return-receiving.service';
import { ReturnsService } from './returns.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class ReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly receiving: ReturnReceivingService,
  ) {}

  @Post()
  @ApiResult('ProductReturn')
  @Roles('buyer', 'approver', 'account_manager', 'warehouse', 'admin')
  @ApiOperation({
    summary:
      'Ask to return delivered lines (customers, their own orders: `requested`), or open a return for an account ' +
      '(account manager of the account, warehouse, admin: `approved`, with resolutions and an optional fee waiver). ' +
      'At most delivered less already returned, within the return window',
  })
  @ApiConflictResponse({
    description: 'A line asks more than may be returned (not delivered, window closed, …)',
  })
  @ApiNotFoundResponse({ description: 'No such order the caller may see' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateReturnDto): Promise<ProductReturn> {
    return this.returns.create(actor, body);
  }

  @Get()
  @ApiResult('Page<ReturnSummary>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Returns, newest first: customers their account’s, account managers their accounts’, other staff all; ' +
      'filter by status, account, order',
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: ReturnListQueryDto): Promise<Page<ReturnSummary>> {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    return this.returns.list(actor, filter, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('ProductReturn')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One return: lines, photos, history, credit notes' })
  get(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<ProductReturn> {
    return this.returns.get(actor, id);
  }

  @Post(':id/approve')
  @ApiResult('ProductReturn')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a requested return: resolution per line (credit or replace, default credit); waive the fee with a reason',
  })
  approve(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ApproveReturnDto,
  ): Promise<ProductReturn> {
    return this.returns.approve(actor, id, body);
  }

  @Post(':id/reject')
  @ApiResult('ProductReturn')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a requested return, with a reason the buyer is told' })
  reject(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ReturnReasonDto,
  ): Promise<ProductReturn> {
    return this.returns.reject(actor, id, body.reason);
  }

  @Post(':id/receive')
  @ApiResult('ReturnReceiptResult')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Receive returned goods (partial allowed): restocked units go on hand at the order’s warehouse and fill waiting ' +
      'backorders; credit units get one credit note per receipt; replace units place a 0.00 replacement order',
  })
  @ApiConflictResponse({ description: 'Not approved, or more units than the return expects' })
  receive(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ReceiveReturnDto,
  ): Promise<ReturnReceiptResult> {
    return this.receiving.receive(actor, id, body);
  }

  @Post(':id/close')
  @ApiResult('ProductReturn')
  @Roles('warehouse', 'account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close an approved return with what arrived: received (or credited), with a reason',
  })
  close(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ReturnReasonDto,
  ): Promise<ProductReturn> {
    return this.receiving.close(actor, id, body.reason);
  }
}
