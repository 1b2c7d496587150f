import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { PRODUCT_IMAGE_SIZES, ProductImageSize } from '@tradecounter/domain';
import { OptionalField } from '../../common/http/field-decorators';

const SIZES = Object.keys(PRODUCT_IMAGE_SIZES) as ProductImageSize[];

export class ProductImageQueryDto {
  @ApiPropertyOptional({
    enum: SIZES,
    default: 'large',
    description: 'thumb: 96 px square; large: 480 px square (WebP)',
  })
  @OptionalField()
  @IsIn(SIZES)
  size?: ProductImageSize;

  @ApiPropertyOptional({
    description:
      "The image's version, as product responses give it: with the current one the answer is immutable",
  })
  @OptionalField()
  @IsString()
  @Matches(/^[0-9a-f]{1,64}$/, { message: 'v must be an image version (hexadecimal)' })
  v?: string;
}
