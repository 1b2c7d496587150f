import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, StandingOrder, StandingOrderSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import {
  CreateStandingOrderDto,
  SkipRunDto,
  StandingOrderQueryDto,
  UnskipRunDto,
  UpdateStandingOrderDto,
} from './dto/standing-order.dto';
import { StandingOrdersService } from './standing-orders.service';
import { ApiResult } from '../openapi/api-result';

/** Who may change standing orders: the account's customer users, its account manager, admins. */
const WRITERS = ['buyer', 'approver', 'account_manager', 'admin'] as const;

@ApiTags('standing-orders')
@ApiBearerAuth()
@Controller('standing-orders')
export class StandingOrdersController {
  constructor(private readonly standingOrders: StandingOrdersService) {}

  @Get()
  @ApiResult('Page<StandingOrderSummary>')
  @Roles(...WRITERS, 'manager')
  @ApiOperation({
    summary:
      "Standing orders, newest first: a customer user's account's, an account manager's accounts', everyone's for managers and admins",
  })
  list(
    @CurrentUser() actor: AuthUser,
    @Query() query: StandingOrderQueryDto,
  ): Promise<Page<StandingOrderSummary>> {
    return this.standingOrders.list(
      actor,
      { accountId: query.accountId, status: query.status },
      pageRequest(query),
    );
  }

  @Get(':id')
  @ApiResult('StandingOrder')
  @Roles(...WRITERS, 'manager')
  @ApiOperation({
    summary: 'A standing order with its next runs and the runs it has had (orders placed, lines changed)',
  })
  get(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<StandingOrder> {
    return this.standingOrders.get(actor, id);
  }

  @Post()
  @ApiResult('StandingOrder')
  @Roles(...WRITERS)
  @ApiOperation({
    summary:
      'Make a standing order: lines, a shipping address, a PO pattern and a schedule (every N weeks on a weekday, or monthly on a day 1–28 or "last")',
  })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateStandingOrderDto): Promise<StandingOrder> {
    return this.standingOrders.create(actor, body);
  }

  @Patch(':id')
  @ApiResult('StandingOrder')
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Change a standing order; status "paused" (with resumeOn, optionally) or "active"',
  })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateStandingOrderDto,
  ): Promise<StandingOrder> {
    return this.standingOrders.update(actor, id, body);
  }

  @Post(':id/skip')
  @ApiResult('StandingOrder')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Skip a future run (by its date; default the next run): 400 for a date that is not a run',
  })
  @ApiConflictResponse({ description: 'No next run, or that run has already taken place' })
  skip(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: SkipRunDto,
  ): Promise<StandingOrder> {
    return this.standingOrders.skip(actor, id, body.runDate);
  }

  @Post(':id/unskip')
  @ApiResult('StandingOrder')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Take back the skip of a future run' })
  unskip(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UnskipRunDto,
  ): Promise<StandingOrder> {
    return this.standingOrders.unskip(actor, id, body.runDate);
  }
}
