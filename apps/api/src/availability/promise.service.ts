import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PromiseResponse } from '@tradecounter/contracts';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { AvailabilityService } from './availability.service';
import type { PromiseDto } from './dto/promise.dto';

/** POST /api/availability/promise: what the lines would get if ordered at `at` (default now). */
@Injectable()
export class PromiseService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly availability: AvailabilityService,
    private readonly dataSource: DataSource,
  ) {}

  async promise(actor: AuthUser, body: PromiseDto): Promise<PromiseResponse> {
    const accountId = await this.accounts.resolveActingAccount(actor, body.accountId);
    const outcome = await this.availability.promise(this.dataSource.manager, {
      accountId,
      warehouseCode: body.warehouseCode,
      at: body.at ? new Date(body.at) : new Date(),
      lines: body.lines,
    });
    return outcome.response;
  }
}
