import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyState } from '../shared/empty-state';

@Component({
  selector: 'tc-not-found-page',
  imports: [EmptyState, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <div class="tc-card">
        <tc-empty-state
          icon="search"
          title="Page not found"
          message="The link may be old, or the page has moved."
        >
          <a mat-flat-button routerLink="/catalog">Go to the catalog</a>
        </tc-empty-state>
      </div>
    </section>
  `,
})
export class NotFoundPage {}
