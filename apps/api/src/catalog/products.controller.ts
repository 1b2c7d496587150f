import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Category, Page, Product, ProductDetail } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CatalogService } from './catalog.service';
import {
  CreateProductDto,
  ProductPricingQueryDto,
  ProductQueryDto,
  UpdateProductDto,
} from './dto/product.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class ProductsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('products')
  @ApiResult('Page<Product>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      "Catalog page: search by SKU prefix or words, filter by category, stock and the buyer's past orders; with the account's prices and availability",
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: ProductQueryDto): Promise<Page<Product>> {
    const { search, category, includeInactive, accountId, availability, sort, dir, inStock, boughtBefore } =
      query;
    return this.catalog.search(
      actor,
      { search, category, includeInactive, accountId, availability, sort, dir, inStock, boughtBefore },
      pageRequest(query),
    );
  }

  @Get('products/:id')
  @ApiResult('ProductDetail')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'One product with its availability and inbound to come; with an account, its price and break table ("50+ at 9.94")',
  })
  get(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Query() query: ProductPricingQueryDto,
  ): Promise<ProductDetail> {
    return this.catalog.get(actor, id, query.accountId);
  }

  @Post('products')
  @ApiResult('Product')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a product' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateProductDto): Promise<Product> {
    return this.catalog.create(actor, body);
  }

  @Patch('products/:id')
  @ApiResult('Product')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a product; audited' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateProductDto,
  ): Promise<Product> {
    return this.catalog.update(actor, id, body);
  }

  @Get('categories')
  @ApiResult('Category[]')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Product categories with the number of active products in each' })
  categories(): Promise<Category[]> {
    return this.catalog.categories();
  }
}
