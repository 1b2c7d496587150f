import { AuditChanges } from '../accounts/audit-changes';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AuditedEntity, AuditEntry } from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { auditChanges } from '../accounts/audit-format';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { ImportsApi } from '../imports/imports-api';
import { AuditApi } from './audit-api';
import { AUDIT_ENTITY_OPTIONS, entityLabel, entrySubject, entryVerb } from './audit-words';

/**
 * The audit trail: who changed which record when, before → after, newest
 * first; narrowed to a kind of record, or to one change set (`?changeSetId=`:
 * an import's entries together).
 */
@Component({
  selector: 'tc-audit-page',
  imports: [
    AuditChanges,
    DisplayDateTimePipe,
    ListFrame,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrls: ['../accounts/account-history.scss', './audit-page.scss'],
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly imports = inject(ImportsApi);

  readonly list = urlList({
    filters: ['changeSetId', 'entity'],
    request: ({ page, pageSize, filters }) => ({
      changeSetId: filters['changeSetId'] || undefined,
      entity: (filters['entity'] || undefined) as AuditedEntity | undefined,
      page,
      pageSize,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly changeSetId = computed(() => this.list.value('changeSetId'));
  readonly entity = computed(() => this.list.value('entity'));
  readonly entities = AUDIT_ENTITY_OPTIONS;
  readonly entityLabel = entityLabel;

  /** The change set's import, to name it by its file; managers (no imports page) see its id. */
  readonly changeSetImport = toSignal(
    toObservable(this.changeSetId).pipe(
      switchMap((id) =>
        id
          ? this.imports.get(id).pipe(
              map((job) => ({ id, fileName: job.fileName, kind: job.kind })),
              catchError(() => of({ id, fileName: '', kind: '' })),
            )
          : of(undefined),
      ),
    ),
  );
  readonly changeSetLabel = computed(() => {
    const id = this.changeSetId();
    const found = this.changeSetImport();
    if (!id) return '';
    if (found?.id === id && found.fileName) return `Import ${found.fileName}`;
    return `Change set ${id.slice(0, 8)}`;
  });
  readonly rows = computed(() =>
    this.list.items().map((entry: AuditEntry) => ({
      entry,
      subject: entrySubject(entry),
      verb: entryVerb(entry),
      changes: auditChanges(entry),
    })),
  );

  clearChangeSet(): void {
    this.list.setFilter('changeSetId', null);
  }

  chooseEntity(entity: string): void {
    this.list.setFilter('entity', entity || null);
  }
}
