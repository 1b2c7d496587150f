import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Health } from '@tradecounter/contracts';
import { Public } from '../auth/decorators';
import { DatabaseOutage, RETRY_AFTER_SECONDS } from '../database/database-outage';
import { ApiResult } from '../openapi/api-result';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outage: DatabaseOutage,
  ) {}

  /**
   * For load balancers: 503 takes this process out of rotation while its
   * database is away. Prompt even then: a refused connection fails at once
   * and a silent one within the pool's connect timeout (data-source-options).
   */
  @Get()
  @ApiResult('Health')
  @Public()
  @ApiOperation({ summary: 'Liveness with a database round trip; 503 when the database is down' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch (error) {
      this.outage.noticed(error);
      response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'degraded', db: 'down' };
    }
  }
}
