import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ImportKind } from '@tradecounter/contracts';
import { problemMessage, toProblem } from '../shared/problem';
import { type ChosenFile, ImportUpload } from './import-upload';
import { ImportsApi } from './imports-api';

/**
 * Sends a chosen file of a kind for its dry run and opens the run: its
 * result, or its progress while the server checks it.
 */
@Component({
  selector: 'tc-import-sender',
  imports: [ImportUpload, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sending()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Sending ' + sending()" />
    }
    <div class="body">
      <h2>{{ title() }}</h2>
      <tc-import-upload
        [disabled]="!!sending()"
        [label]="sending() ? 'Sending ' + sending() + '…' : 'Choose a file…'"
        (chosen)="send($event)"
      />
      @if (problem()) {
        <p class="problem" role="alert">{{ problem() }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .body {
      padding: 16px 20px 20px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
    }
    .problem {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ImportSender {
  private readonly api = inject(ImportsApi);
  private readonly router = inject(Router);
  readonly kind = input.required<ImportKind>();
  readonly title = input.required<string>();
  /** The name of the file being sent, while it is. */
  readonly sending = signal('');
  readonly problem = signal('');

  send(chosen: ChosenFile): void {
    this.sending.set(chosen.file.name);
    this.problem.set('');
    this.api.dryRun(this.kind(), chosen.file, chosen.contentType).subscribe({
      next: (job) => {
        this.sending.set('');
        void this.router.navigate(['/imports', job.id]);
      },
      error: (error: unknown) => {
        this.sending.set('');
        this.problem.set(`${chosen.file.name} was not checked. ${problemMessage(toProblem(error))}`);
      },
    });
  }
}
