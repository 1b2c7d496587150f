import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { OrderReasonRequest } from '@tradecounter/contracts';
import { MultiLine, OptionalField } from '../../common/http/field-decorators';

export class OrderReasonDto implements OrderReasonRequest {
  @ApiPropertyOptional({ description: 'Why; kept in the order history' })
  @OptionalField()
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class RequiredReasonDto implements OrderReasonRequest {
  @ApiPropertyOptional({ description: 'Why; kept in the order history and shown to the buyer' })
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
