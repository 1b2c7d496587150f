import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Quote } from '@tradecounter/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../../auth/decorators';
import { QuoteDto } from '../dto/quote.dto';
import { QuoteService } from './quote.service';
import { ApiResult } from '../../openapi/api-result';

@ApiTags('pricing')
@ApiBearerAuth()
@Controller('pricing')
export class QuoteController {
  constructor(private readonly quotes: QuoteService) {}

  @Post('quote')
  @ApiResult('Quote')
  @Roles(...ANY_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price lines for an account: unit price, source, break applied, savings and the next break',
  })
  quote(@CurrentUser() actor: AuthUser, @Body() body: QuoteDto): Promise<Quote> {
    return this.quotes.quote(actor, body);
  }
}
