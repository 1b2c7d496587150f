import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderTemplate, OrderTemplateSummary, Page, QuickOrderResult } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CUSTOMER, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CreateTemplateDto, TemplateQueryDto, UpdateTemplateDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';
import { ApiEmptyResult, ApiResult } from '../openapi/api-result';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiResult('Page<OrderTemplateSummary>')
  @Roles(...CUSTOMER)
  @ApiOperation({
    summary:
      "The account's order templates by name unless sorted (sort=name|updatedAt), with their line counts",
  })
  list(
    @CurrentUser() actor: AuthUser,
    @Query() query: TemplateQueryDto,
  ): Promise<Page<OrderTemplateSummary>> {
    const { search, sort, dir } = query;
    return this.templates.list(actor, { search, sort, dir }, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('OrderTemplate')
  @Roles(...CUSTOMER)
  @ApiOperation({ summary: 'A template with its lines (those no longer sold say so)' })
  get(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<OrderTemplate> {
    return this.templates.get(actor, id);
  }

  @Post()
  @ApiResult('OrderTemplate')
  @Roles(...CUSTOMER)
  @ApiOperation({
    summary: 'Save a template from lines, from the cart (fromCart: true) or from a past order (fromOrderId)',
  })
  @ApiConflictResponse({ description: 'The account already has a template with this name' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateTemplateDto): Promise<OrderTemplate> {
    return this.templates.create(actor, body);
  }

  @Patch(':id')
  @ApiResult('OrderTemplate')
  @Roles(...CUSTOMER)
  @ApiOperation({ summary: 'Rename a template and/or replace its lines' })
  @ApiConflictResponse({ description: 'The account already has a template with this name' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateTemplateDto,
  ): Promise<OrderTemplate> {
    return this.templates.update(actor, id, body);
  }

  @Delete(':id')
  @ApiEmptyResult()
  @Roles(...CUSTOMER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a template' })
  async remove(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<void> {
    await this.templates.remove(actor, id);
  }

  @Post(':id/to-cart')
  @ApiResult('QuickOrderResult')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Merge a template's lines into the cart: a result per line, products no longer sold reported, not dropped",
  })
  toCart(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<QuickOrderResult> {
    return this.templates.toCart(actor, id);
  }
}
