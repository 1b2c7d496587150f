import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { pageRequest } from '../common/http/pagination.dto';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('manager', 'admin', 'account_manager')
  @ApiOperation({
    summary: 'Change history',
    description:
      "Newest first. Account managers see their own accounts' changes and the price tiers' (shared by all accounts); managers and admins see everything. changeSetId: the changes one import made.",
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(
      actor,
      {
        entity: query.entity,
        entityId: query.entityId,
        accountId: query.accountId,
        changeSetId: query.changeSetId,
      },
      pageRequest(query),
    );
  }
}
