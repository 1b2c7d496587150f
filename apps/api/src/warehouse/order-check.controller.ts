import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderCheck } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { CheckOrderDto } from './dto/check.dto';
import { OrderCheckService } from './order-check.service';
import { ApiResult } from '../openapi/api-result';

/** The check step before packing: /api/orders/:id/check. */
@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('orders')
@Roles('warehouse', 'admin')
export class OrderCheckController {
  constructor(private readonly checks: OrderCheckService) {}

  @Get(':id/check')
  @ApiResult('OrderCheck')
  @ApiOperation({ summary: 'What the check expects per line, what is confirmed, and the refused scans' })
  get(@Param('id', IdPipe) id: string): Promise<OrderCheck> {
    return this.checks.get(id);
  }

  @Post(':id/check')
  @ApiResult('OrderCheck')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The check after these scans; packing needs `complete`' })
  @ApiConflictResponse({
    description:
      'A code that names nothing, a product not on the order, or more units than expected (type …/problems/check-mismatch); the refusal is recorded',
  })
  @ApiOperation({
    summary: 'Confirm units by SKU, barcode or case barcode (which counts its qty); scans of a line add up',
  })
  check(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: CheckOrderDto,
  ): Promise<OrderCheck> {
    return this.checks.check(actor, id, body);
  }
}
