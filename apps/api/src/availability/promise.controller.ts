import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PromiseResponse } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { PromiseDto } from './dto/promise.dto';
import { PromiseService } from './promise.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('availability')
@ApiBearerAuth()
@Controller('availability')
export class PromiseController {
  constructor(private readonly promises: PromiseService) {}

  @Post('promise')
  @ApiResult('PromiseResponse')
  @Roles(...ANY_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Promise lines: per line the splits (qty, ship and delivery date, from stock, inbound or supplier), and ship-complete dates',
  })
  promise(@CurrentUser() actor: AuthUser, @Body() body: PromiseDto): Promise<PromiseResponse> {
    return this.promises.promise(actor, body);
  }
}
