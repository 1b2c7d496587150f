import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContractPrice } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ContractPricesService } from './contract-prices.service';
import { ContractPriceSelectorDto, SetContractPriceDto } from './dto/contract-price.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('pricing')
@ApiBearerAuth()
@Controller('accounts/:accountId/contract-prices')
export class ContractPricesController {
  constructor(private readonly prices: ContractPricesService) {}

  @Get()
  @ApiResult('ContractPrice[]')
  @Roles('account_manager', 'admin', 'manager')
  @ApiOperation({ summary: "The account's contract prices with their validity windows" })
  list(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
  ): Promise<ContractPrice[]> {
    return this.prices.list(actor, accountId);
  }

  @Put(':productId')
  @ApiResult('ContractPrice[]')
  @Roles('account_manager', 'admin')
  @ApiOperation({
    summary: 'Set a contract price for a window (409 when it overlaps another); answers the account’s list',
  })
  set(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Param('productId', IdPipe) productId: string,
    @Body() body: SetContractPriceDto,
  ): Promise<ContractPrice[]> {
    return this.prices.set(actor, accountId, productId, body);
  }

  @Delete(':productId')
  @ApiResult('ContractPrice[]')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remove the product’s contract prices (or only the window starting on ?validFrom)',
  })
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Param('productId', IdPipe) productId: string,
    @Query() query: ContractPriceSelectorDto,
  ): Promise<ContractPrice[]> {
    return this.prices.remove(actor, accountId, productId, query.validFrom);
  }
}
