import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Health } from '@tradecounter/contracts';
import { Public } from '../auth/decorators';
import { ApiResult } from '../openapi/api-result';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiResult('Health')
  @Public()
  @ApiOperation({ summary: 'Liveness with a database round trip; 503 when the database is down' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', db: 'down' };
    }
  }
}
