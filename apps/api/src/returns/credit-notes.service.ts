import { Inject, Injectable } from '@nestjs/common';
import type { CreditNote, CreditNoteSummary, Page } from '@tradecounter/contracts';
import { accountScope, canReadAccount } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, type PageRequest } from '../common/http/pagination.dto';
import { notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CreditNotesRepository } from './credit-notes.repository';
import type { CreditNoteListQueryDto } from './dto/return.dto';
import { toCreditNote, toCreditNoteSummary } from './return.mapper';

/** Reading credit notes, scoped like their accounts (another account's note is a 404). Issued by ReturnReceivingService. */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly notes: CreditNotesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One credit note as the actor may see it. Used by the documents context. */
  async get(actor: AuthUser, id: string): Promise<CreditNote> {
    const row = await this.notes.find(id);
    if (!row || !canReadAccount(actor, { id: row.accountId, accountManagerId: row.accountManagerId })) {
      throw notFound('Credit note');
    }
    return toCreditNote(row, await this.notes.linesOf(id), this.config.currency);
  }

  async list(
    actor: AuthUser,
    query: Omit<CreditNoteListQueryDto, 'page' | 'pageSize'>,
    page: PageRequest,
  ): Promise<Page<CreditNoteSummary>> {
    const [rows, total] = await this.notes.list(
      { scope: accountScope(actor), accountId: query.accountId, returnId: query.returnId },
      page,
    );
    return pageOf(
      rows.map((row) => toCreditNoteSummary(row, this.config.currency)),
      total,
      page,
    );
  }
}
