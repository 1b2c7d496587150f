import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Warehouse } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, INTERNAL, Roles } from '../auth/decorators';
import { CreateWarehouseDto, UpdateWarehouseDto } from './dto/warehouse.dto';
import { WarehouseCodePipe } from './warehouse-code.pipe';
import { warehouseEtag } from './warehouse.mapper';
import { WarehousesService } from './warehouses.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('availability')
@ApiBearerAuth()
@Controller('warehouses')
export class WarehousesController {
  constructor(private readonly warehouses: WarehousesService) {}

  @Get()
  @ApiResult('Warehouse[]')
  @Roles(...INTERNAL)
  @ApiOperation({ summary: 'Warehouses with their promise settings (time zone, cut-off, handling, transit)' })
  list(): Promise<Warehouse[]> {
    return this.warehouses.list();
  }

  @Get(':code')
  @ApiResult('Warehouse')
  @Roles(...INTERNAL)
  @ApiOperation({ summary: 'One warehouse; its ETag is the version to send back as If-Match' })
  async get(
    @Param('code', WarehouseCodePipe) code: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Warehouse> {
    return withEtag(response, await this.warehouses.get(code));
  }

  @Post()
  @ApiResult('Warehouse')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a warehouse (the first one is the default); audited' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateWarehouseDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Warehouse> {
    return withEtag(response, await this.warehouses.create(actor, body));
  }

  @Patch(':code')
  @ApiResult('Warehouse')
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read; a stale one answers 412' })
  @ApiOperation({ summary: 'Change promise settings or make the warehouse the default; audited' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('code', WarehouseCodePipe) code: string,
    @Body() body: UpdateWarehouseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Warehouse> {
    return withEtag(response, await this.warehouses.update(actor, code, body, ifMatch));
  }
}

function withEtag(response: Response, warehouse: Warehouse): Warehouse {
  response.setHeader('ETag', warehouseEtag(warehouse.version));
  return warehouse;
}
