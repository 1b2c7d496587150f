import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, SlottingReport, VelocityRow, Wave, WaveSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { WarehouseQueryDto } from '../fulfilment/dto/fulfilment-query.dto';
import { CreateWaveDto, ShortPickDto, WaveQueryDto } from './dto/wave.dto';
import { ShortPickService } from './short-pick.service';
import { VelocityService } from './velocity.service';
import { WavesService } from './waves.service';
import { ApiResult } from '../openapi/api-result';

/** Waves (pick lists across orders), short picks, and velocity and slotting reports. */
@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('fulfilment')
export class WavesController {
  constructor(
    private readonly waves: WavesService,
    private readonly shorts: ShortPickService,
    private readonly velocity: VelocityService,
  ) {}

  @Post('waves')
  @ApiResult('Wave')
  @Roles('warehouse', 'admin')
  @ApiCreatedResponse({ description: 'The wave, its orders now picking, its lines in walking order' })
  @ApiConflictResponse({
    description: 'An order is at another warehouse, not confirmed, or in another open wave (each named)',
  })
  @ApiOperation({ summary: 'Start a wave: one pick list across confirmed orders of a warehouse' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateWaveDto): Promise<Wave> {
    return this.waves.create(actor, body);
  }

  @Get('waves')
  @ApiResult('Page<WaveSummary>')
  @Roles('warehouse', 'admin')
  @ApiOperation({ summary: 'Waves, newest first, by warehouse and status' })
  list(@Query() query: WaveQueryDto): Promise<Page<WaveSummary>> {
    return this.waves.list({ warehouseCode: query.warehouseCode, status: query.status }, pageRequest(query));
  }

  @Get('waves/:id')
  @ApiResult('Wave')
  @Roles('warehouse', 'admin')
  @ApiOperation({
    summary:
      'A wave: lines by bin in walking order (bins sorted naturally), with the orders each unit goes to',
  })
  get(@Param('id', IdPipe) id: string): Promise<Wave> {
    return this.waves.get(id);
  }

  @Post('waves/:id/close')
  @ApiResult('Wave')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The wave, closed' })
  @ApiConflictResponse({ description: 'Already closed' })
  @ApiOperation({
    summary: 'Close a wave (it also closes by itself once each order is packed, shipped or cancelled)',
  })
  close(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Wave> {
    return this.waves.close(actor, id);
  }

  @Post('waves/:id/short')
  @ApiResult('Wave')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The wave, with the short units shown' })
  @ApiConflictResponse({
    description: 'More than the line’s reserved, unshipped units; or the wave is closed',
  })
  @ApiOperation({
    summary:
      'Report a short pick: on hand drops (audited, with the reason), the units’ reservation is released and the line re-promised',
  })
  short(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ShortPickDto,
  ): Promise<Wave> {
    return this.shorts.report(actor, id, body);
  }

  @Get('velocity')
  @ApiResult('VelocityRow[]')
  @Roles('warehouse', 'admin', 'manager')
  @ApiOperation({
    summary: 'Products by picks (shipment lines) in the last 90 days at a warehouse, classed A, B or C',
  })
  velocityRows(@Query() query: WarehouseQueryDto): Promise<VelocityRow[]> {
    return this.velocity.rows(query.warehouseCode);
  }

  @Get('slotting')
  @ApiResult('SlottingReport')
  @Roles('warehouse', 'admin', 'manager')
  @ApiOperation({
    summary: 'A products whose bins are outside the most accessible (lowest-numbered) aisles',
  })
  slotting(@Query() query: WarehouseQueryDto): Promise<SlottingReport> {
    return this.velocity.slotting(query.warehouseCode);
  }
}
