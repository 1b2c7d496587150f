import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProductSupply, PurchasingSettings, Supplier } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { SetProductSupplyDto } from './dto/product-supply.dto';
import { PurchasingSettingsDto } from './dto/purchasing-settings.dto';
import { CreateSupplierDto, UpdateSupplierDto } from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiResult('Supplier[]')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({ summary: 'Suppliers by name, with how many products each is the primary supplier of' })
  list(): Promise<Supplier[]> {
    return this.suppliers.list();
  }

  @Get(':code')
  @ApiResult('Supplier')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({ summary: 'One supplier' })
  get(@Param('code') code: string): Promise<Supplier> {
    return this.suppliers.get(code);
  }

  @Post()
  @ApiResult('Supplier')
  @Roles('admin', 'warehouse')
  @ApiOperation({ summary: 'Add a supplier (409 when the code is taken); audited' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateSupplierDto): Promise<Supplier> {
    return this.suppliers.create(actor, body);
  }

  @Patch(':code')
  @ApiResult('Supplier')
  @Roles('admin', 'warehouse')
  @ApiOperation({ summary: "Change a supplier's name, email or lead time; audited" })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('code') code: string,
    @Body() body: UpdateSupplierDto,
  ): Promise<Supplier> {
    return this.suppliers.update(actor, code, body);
  }
}

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('products/:id/supply')
export class ProductSupplyController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiResult('ProductSupply')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({ summary: "A product's purchasing facts (404 until set)" })
  get(@Param('id', IdPipe) id: string): Promise<ProductSupply> {
    return this.suppliers.supply(id);
  }

  @Put()
  @ApiResult('ProductSupply')
  @Roles('admin')
  @ApiOperation({ summary: "Set a product's supplier, cost, pack size, safety and review days; audited" })
  set(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: SetProductSupplyDto,
  ): Promise<ProductSupply> {
    return this.suppliers.setSupply(actor, id, body);
  }
}

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchasing/settings')
export class PurchasingSettingsController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiResult('PurchasingSettings')
  @Roles('admin', 'warehouse')
  @ApiOperation({ summary: 'The receipt tolerance' })
  get(): Promise<PurchasingSettings> {
    return this.suppliers.settings();
  }

  @Put()
  @ApiResult('PurchasingSettings')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the receipt tolerance (0 to 1); audited' })
  set(@CurrentUser() actor: AuthUser, @Body() body: PurchasingSettingsDto): Promise<PurchasingSettings> {
    return this.suppliers.setSettings(actor, body);
  }
}
