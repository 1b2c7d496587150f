import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CreateTemplateRequest, UpdateTemplateRequest } from '@tradecounter/contracts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

/** A name with something in it besides spaces. */
const NAME = /\S/;

export class TemplateLineDto {
  @ApiProperty() @IsUUID() productId: string;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_LINE_QUANTITY,
    description: "At least the product's minimum and in whole packs",
  })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class CreateTemplateDto implements CreateTemplateRequest {
  @ApiProperty({ example: 'Weekly restock', description: 'Unique in the account, whatever its case' })
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name: string;

  @ApiPropertyOptional({ type: [TemplateLineDto], description: 'The lines; or fromCart, or fromOrderId' })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => TemplateLineDto)
  lines?: TemplateLineDto[];

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

  @ApiPropertyOptional({ type: [TemplateLineDto], description: 'Replaces every line' })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => TemplateLineDto)
  lines?: TemplateLineDto[];
}

export class TemplateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in the name' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;
}
