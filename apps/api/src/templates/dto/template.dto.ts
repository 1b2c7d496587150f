import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CreateTemplateRequest, UpdateTemplateRequest } from '@tradecounter/contracts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { PageQueryDto } from '../../common/http/pagination.dto';

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
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @ValidateNested({ each: true })
  @Type(() => TemplateLineDto)
  lines?: TemplateLineDto[];

  @ApiPropertyOptional({ description: "true: the cart's lines as they stand" })
  @IsOptional()
  @IsBoolean()
  fromCart?: boolean;

  @ApiPropertyOptional({ description: 'A past order of the account: its lines' })
  @IsOptional()
  @IsUUID()
  fromOrderId?: string;
}

export class UpdateTemplateDto implements UpdateTemplateRequest {
  @ApiPropertyOptional({ example: 'Monthly restock' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name?: string;

  @ApiPropertyOptional({ type: [TemplateLineDto], description: 'Replaces every line' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @ValidateNested({ each: true })
  @Type(() => TemplateLineDto)
  lines?: TemplateLineDto[];
}

export class TemplateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
