import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PriceTier, PriceTierSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { ArrayBodyPipe } from '../common/http/array-body.pipe';
import { IdPipe } from '../common/http/id.pipe';
import {
  CreatePriceTierDto,
  SetFixedPriceDto,
  UpdatePriceTierDto,
  VolumeBreakDto,
} from './dto/price-tier.dto';
import { PriceTiersService, tierEtag } from './price-tiers.service';
import { ApiResult } from '../openapi/api-result';

/** Every change to a tier: it reprices every account on the tier. */
const OWNERSHIP =
  'An account manager may change only a tier whose accounts are all theirs (or that no account is on yet); otherwise 403. Admins may change any tier.';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag read; a stale one answers 412' };

@ApiTags('pricing')
@ApiBearerAuth()
@Controller('price-tiers')
export class PriceTiersController {
  constructor(private readonly tiers: PriceTiersService) {}

  @Get()
  @ApiResult('PriceTierSummary[]')
  @Roles('account_manager', 'admin', 'manager')
  @ApiOperation({ summary: 'Price tiers with how many accounts, breaks and fixed prices each has' })
  list(): Promise<PriceTierSummary[]> {
    return this.tiers.list();
  }

  @Get(':id')
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin', 'manager')
  @ApiOperation({ summary: 'One tier with its breaks and fixed prices; ETag for If-Match' })
  async get(
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.get(id));
  }

  @Post()
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin')
  @ApiOperation({ summary: 'Create a tier' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreatePriceTierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.create(actor, body));
  }

  @Patch(':id')
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Rename a tier or change its discount; audited', description: OWNERSHIP })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdatePriceTierDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.update(actor, id, body, ifMatch));
  }

  @Put(':id/breaks')
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin')
  @ApiHeader({
    ...IF_MATCH,
    required: true,
    description: 'Required: the ETag read (428 without it, 412 when stale)',
  })
  @ApiBody({ type: [VolumeBreakDto] })
  @ApiOperation({
    summary: "Replace the tier's volume breaks (tier-wide and product-specific) in one call",
    description: OWNERSHIP,
  })
  async replaceBreaks(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body(new ArrayBodyPipe(VolumeBreakDto, 200)) breaks: VolumeBreakDto[],
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.replaceBreaks(actor, id, breaks, ifMatch));
  }

  @Put(':id/fixed-prices/:productId')
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Set the tier's fixed base price for a product", description: OWNERSHIP })
  async setFixedPrice(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Param('productId', IdPipe) productId: string,
    @Body() body: SetFixedPriceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.setFixedPrice(actor, id, productId, body.unitPrice, ifMatch));
  }

  @Delete(':id/fixed-prices/:productId')
  @ApiResult('PriceTier')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Remove the tier's fixed price for a product", description: OWNERSHIP })
  async deleteFixedPrice(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Param('productId', IdPipe) productId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriceTier> {
    return withEtag(response, await this.tiers.deleteFixedPrice(actor, id, productId, ifMatch));
  }
}

function withEtag(response: Response, tier: PriceTier): PriceTier {
  response.setHeader('ETag', tierEtag(tier.version));
  return tier;
}
