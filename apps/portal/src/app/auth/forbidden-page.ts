import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyState } from '../shared/empty-state';

@Component({
  selector: 'tc-forbidden-page',
  imports: [EmptyState, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <div class="tc-card">
        <tc-empty-state
          icon="block"
          title="You don't have access to this page"
          [message]="
            (from() ? from() + ' is' : 'This page is') +
            ' not available for your role. Ask an administrator if you need it.'
          "
        >
          <a mat-flat-button routerLink="/catalog">Go to the catalog</a>
        </tc-empty-state>
      </div>
    </section>
  `,
})
export class ForbiddenPage {
  /** Bound from the `from` query parameter. */
  readonly from = input<string>();
}
