import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Inbound, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CreateInboundDto, InboundQueryDto, UpdateInboundDto } from './dto/inbound.dto';
import { inboundEtag, InboundService } from './inbound.service';
import { ApiResult } from '../openapi/api-result';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag read; a stale one answers 412' };

@ApiTags('availability')
@ApiBearerAuth()
@Controller('inbound')
export class InboundController {
  constructor(private readonly inbound: InboundService) {}

  @Get()
  @ApiResult('Page<Inbound>')
  @Roles('warehouse', 'admin', 'manager')
  @ApiOperation({
    summary: 'Inbound receipts: expected ones first by date; filter by product, warehouse, status',
  })
  list(@Query() query: InboundQueryDto): Promise<Page<Inbound>> {
    const { productId, warehouseCode, status } = query;
    return this.inbound.list({ productId, warehouseCode, status }, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('Inbound')
  @Roles('warehouse', 'admin', 'manager')
  @ApiOperation({ summary: 'One receipt; its ETag is the version to send back as If-Match' })
  async get(
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Inbound> {
    return withEtag(response, await this.inbound.get(id));
  }

  @Post()
  @ApiResult('Inbound')
  @Roles('warehouse', 'admin')
  @ApiOperation({ summary: 'Expect a receipt of a product at a warehouse on a date; audited' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateInboundDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Inbound> {
    return withEtag(response, await this.inbound.create(actor, body));
  }

  @Patch(':id')
  @ApiResult('Inbound')
  @Roles('warehouse', 'admin')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Change quantity or date, or cancel, while expected (409 below what is promised); audited',
  })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateInboundDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Inbound> {
    return withEtag(response, await this.inbound.update(actor, id, body, ifMatch));
  }

  @Post(':id/receive')
  @ApiResult('Inbound')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Receive: the units go on hand, the promised ones become reserved stock (409 if not expected)',
  })
  async receive(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Inbound> {
    return withEtag(response, await this.inbound.receive(actor, id, ifMatch));
  }
}

function withEtag(response: Response, inbound: Inbound): Inbound {
  response.setHeader('ETag', inboundEtag(inbound.version));
  return inbound;
}
