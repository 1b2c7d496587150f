import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReturnableOrder } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ReturnsService } from './returns.service';
import { ApiResult } from '../openapi/api-result';

/** Under /api/orders, but the returns context's question: what of an order may still come back. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('orders')
export class ReturnableController {
  constructor(private readonly returns: ReturnsService) {}

  @Get(':id/returnable')
  @ApiResult('ReturnableOrder')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'What of the order may be returned, line by line (delivered, already returned, window), and the fees',
  })
  returnable(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<ReturnableOrder> {
    return this.returns.returnable(actor, id);
  }
}
