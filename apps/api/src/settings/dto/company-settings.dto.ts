import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { UpdateCompanySettingsRequest } from '@tradecounter/contracts';
import { NullableField } from '../../common/http/field-decorators';

/** `PUT /api/settings/company`: the whole letterhead (the logo has its own route). */
export class CompanySettingsDto implements UpdateCompanySettingsRequest {
  @ApiProperty({ example: 'Tradecounter Supply Co.', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: [String],
    example: ['9 Depot Lane', 'Springfield IL 62702', 'US'],
    description: 'The postal address, one element per printed line (at most 6 lines of 100 characters)',
  })
  @IsArray({ message: '$property must be an array' })
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  address: string[];

  @ApiProperty({ type: String, nullable: true, example: 'orders@example.com' })
  @NullableField()
  @IsEmail()
  @MaxLength(254)
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+1 217 555 0100' })
  @NullableField()
  @IsString()
  @MaxLength(40)
  phone: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'EIN 12-3456789',
    description: 'Printed under the address',
  })
  @NullableField()
  @IsString()
  @MaxLength(60)
  registration: string | null;
}
