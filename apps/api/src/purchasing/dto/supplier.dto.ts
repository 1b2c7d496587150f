import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateSupplierRequest } from '@tradecounter/contracts';
import { PartialDto } from '../../common/http/field-decorators';

export const SUPPLIER_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

class SupplierFieldsDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;

  @ApiProperty({ minimum: 0, maximum: 365, description: 'Business days from sending to arrival' })
  @IsInt()
  @Min(0)
  @Max(365)
  leadTimeDays: number;
}

export class CreateSupplierDto extends SupplierFieldsDto implements CreateSupplierRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(SUPPLIER_CODE, { message: 'code must be 1–32 capitals, digits, _ or - (like "ACME")' })
  code: string;
}

export class UpdateSupplierDto extends PartialDto(SupplierFieldsDto) {}
