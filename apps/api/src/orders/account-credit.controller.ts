import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreditStatus } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { OrdersService } from './orders.service';
import { ApiResult } from '../openapi/api-result';

/** Credit lives with orders (exposure is their sum), under the account's URL. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('accounts')
export class AccountCreditController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id/credit')
  @ApiResult('CreditStatus')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'Credit limit, exposure (open unpaid orders), available credit and payment terms, for checkout',
  })
  credit(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<CreditStatus> {
    return this.orders.credit(actor, id);
  }
}
