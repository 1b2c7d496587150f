import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BuyAgainItem, WorkCounts } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CUSTOMER, CurrentUser, Roles } from '../auth/decorators';
import { BUY_AGAIN_DEFAULT, BuyAgainQueryDto } from './dto/buy-again-query.dto';
import { WorkService } from './work.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeWorkController {
  constructor(private readonly work: WorkService) {}

  @Get('buy-again')
  @ApiResult('BuyAgainItem[]')
  @Roles(...CUSTOMER)
  @ApiOperation({
    summary:
      'Order again: products your account bought in the last 12 months and still sold, with the last unit ' +
      'price, quantity and order; newest purchase first',
  })
  buyAgain(@CurrentUser() actor: AuthUser, @Query() query: BuyAgainQueryDto): Promise<BuyAgainItem[]> {
    return this.work.buyAgain(actor, query.limit ?? BUY_AGAIN_DEFAULT);
  }

  @Get('work-counts')
  @ApiResult('WorkCounts')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'What waits for you: approvals, credit holds, the fulfilment queue and cart lines (each only for roles ' +
      'that work on it, within your accounts), and unread notifications',
  })
  counts(@CurrentUser() actor: AuthUser): Promise<WorkCounts> {
    return this.work.counts(actor);
  }
}
