import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { OrderReasonRequest } from '@tradecounter/contracts';

export class OrderReasonDto implements OrderReasonRequest {
  @ApiPropertyOptional({ description: 'Why; kept in the order history' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class RequiredReasonDto implements OrderReasonRequest {
  @ApiPropertyOptional({ description: 'Why; kept in the order history and shown to the buyer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
