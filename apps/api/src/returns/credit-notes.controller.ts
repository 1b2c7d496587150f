import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreditNote, CreditNoteSummary, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CreditNotesService } from './credit-notes.service';
import { CreditNoteListQueryDto } from './dto/return.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('credit-notes')
export class CreditNotesController {
  constructor(private readonly notes: CreditNotesService) {}

  @Get()
  @ApiResult('Page<CreditNoteSummary>')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Credit notes, newest first, scoped like returns; filter by account and return' })
  list(
    @CurrentUser() actor: AuthUser,
    @Query() query: CreditNoteListQueryDto,
  ): Promise<Page<CreditNoteSummary>> {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    return this.notes.list(actor, filter, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('CreditNote')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'One credit note with its lines' })
  get(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<CreditNote> {
    return this.notes.get(actor, id);
  }
}
