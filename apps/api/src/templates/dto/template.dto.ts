import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  type CreateTemplateRequest,
  type SortDirection,
  TEMPLATE_SORT_FIELDS,
  type TemplateSortField,
  type UpdateTemplateRequest,
} from '@tradecounter/contracts';
import { MAX_CART_LINES } from '@tradecounter/domain';
import { ProductLineDto } from '../../catalog/dto/line-reference.dto';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';

/** A name with something in it besides spaces. */
const NAME = /\S/;

export class CreateTemplateDto implements CreateTemplateRequest {
  @ApiProperty({ example: 'Weekly restock', description: 'Unique in the account, whatever its case' })
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name: string;

  @ApiPropertyOptional({ type: [ProductLineDto], description: 'The lines; or fromCart, or fromOrderId' })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => ProductLineDto)
  lines?: ProductLineDto[];

  @ApiPropertyOptional({ description: "true: the cart's lines as they stand" })
  @OptionalField()
  @IsBoolean()
  fromCart?: boolean;

  @ApiPropertyOptional({ description: 'A past order of the account: its lines' })
  @OptionalField()
  @IsUUID()
  fromOrderId?: string;
}

export class UpdateTemplateDto implements UpdateTemplateRequest {
  @ApiPropertyOptional({ example: 'Monthly restock' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name?: string;

  @ApiPropertyOptional({ type: [ProductLineDto], description: 'Replaces every line' })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => ProductLineDto)
  lines?: ProductLineDto[];
}

export class TemplateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in the name' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;

  @SortField(TEMPLATE_SORT_FIELDS, 'name')
  sort?: TemplateSortField;

  @SortDirectionField()
  dir?: SortDirection;
}
