import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { canUseFeature, INTERNAL_ROLES, type ProductReturn, type ReturnLine } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { askReason } from '../orders/reason-dialog';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { openApproveReturn } from './approve-return-dialog';
import { ReturnPhotoUpload } from './return-photo-upload';
import { ReturnPhotos } from './return-photos';
import { hasFee, outstanding, percentWords, returnActions } from './return-rules';
import { ReturnStatusChip } from './return-status-chip';
import { ReturnTimeline } from './return-timeline';
import { reasonLabel, resolutionLabel, returnStatusExplanation, returnStatusLabel } from './return-words';
import { creditNotePdfUrl, returnPdfUrl, ReturnsApi } from './returns-api';

/** A return: its lines and what became of them, photos, credit notes, history, and the next step by role. */
@Component({
  selector: 'tc-return-page',
  imports: [
    DisplayDateTimePipe,
    DocumentDownload,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    MoneyPipe,
    ReturnPhotoUpload,
    ReturnPhotos,
    ReturnStatusChip,
    ReturnTimeline,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './return-page.html',
  styleUrl: './return-page.scss',
})
export class ReturnPage {
  private readonly api = inject(ReturnsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  /** The return, replaced in place after an action. */
  readonly ret = linkedSignal<ProductReturn | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  /** The warehouse reads a return's credit notes here (and their PDFs) but has no credit notes pages. */
  readonly readsCreditNotes = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && canUseFeature(role, 'creditNotes');
  });
  readonly actions = computed(() => {
    const r = this.ret();
    return r ? returnActions(r, this.auth.user()?.role) : [];
  });
  readonly explanation = computed(() => {
    const r = this.ret();
    return r ? returnStatusExplanation(r.status, this.isStaff()) : '';
  });
  /** Photos may be added while the return is still open (not rejected or done). */
  readonly canAddPhotos = computed(() => {
    const r = this.ret();
    return (
      !!r &&
      (r.status === 'requested' || r.status === 'approved') &&
      this.auth.hasRole(['buyer', 'approver', 'account_manager', 'warehouse', 'admin'])
    );
  });
  readonly anyReplacement = computed(() => (this.ret()?.lines ?? []).some((l) => l.resolution === 'replace'));
  readonly columns = computed(() => [
    'product',
    'quantity',
    'reason',
    'resolution',
    'outcome',
    ...(this.anyReplacement() ? ['replacement'] : []),
  ]);
  readonly reasonLabel = reasonLabel;
  readonly resolutionLabel = resolutionLabel;
  readonly percentWords = percentWords;
  readonly hasFee = hasFee;
  readonly outstanding = outstanding;
  readonly returnPdfUrl = returnPdfUrl;
  readonly creditNotePdfUrl = creditNotePdfUrl;

  approve(r: ProductReturn): void {
    openApproveReturn(this.dialog, r).subscribe((changed) => this.done(changed, 'Approved'));
  }

  reject(r: ProductReturn): void {
    askReason<ProductReturn>(this.dialog, {
      title: `Reject ${r.number}?`,
      message: 'The customer keeps the goods and gets no credit. The reason is shown to them.',
      confirmLabel: 'Reject return',
      reasonRequired: true,
      action: (reason) => this.api.reject(r.id, reason),
    }).subscribe((changed) => this.done(changed, 'Rejected'));
  }

  close(r: ProductReturn): void {
    askReason<ProductReturn>(this.dialog, {
      title: `Close ${r.number}?`,
      message:
        'Nothing more is expected back: what arrived stays credited or replaced, the rest is dropped. Say why.',
      confirmLabel: 'Close return',
      reasonRequired: true,
      action: (reason) => this.api.close(r.id, reason),
    }).subscribe((changed) => this.done(changed, 'Closed'));
  }

  photoAdded(): void {
    this.reloads.update((n) => n + 1);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  lineOutcome(line: ReturnLine): string {
    if (line.received === 0) return '';
    const parts = [`${line.received} received`];
    if (line.restocked) parts.push(`${line.restocked} restocked`);
    if (line.scrapped) parts.push(`${line.scrapped} scrapped`);
    if (line.credited) parts.push(`${line.credited} credited`);
    return parts.join(' · ');
  }

  private done(changed: ProductReturn | undefined, words: string): void {
    if (!changed) return;
    this.ret.set(changed);
    this.snackBar.open(
      `${words}: ${changed.number} is now ${returnStatusLabel(changed.status).toLowerCase()}`,
      'Dismiss',
      { duration: 5000 },
    );
  }
}
