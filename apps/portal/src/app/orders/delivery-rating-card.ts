import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { Order } from '@tradecounter/contracts';
import { problemMessage, toProblem } from '../shared/problem';
import { OrdersApi } from './orders-api';
import { DisplayDatePipe } from '../shared/date.pipe';

const SCORE_WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

/**
 * Once an order is delivered, its buyer rates the delivery (1–5 stars and a
 * comment), once; afterwards the card shows the rating. The stars are a
 * radio group: arrow keys move and choose, as with any radio group.
 */
@Component({
  selector: 'tc-delivery-rating-card',
  imports: [
    DisplayDatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tc-card rating-card">
      @if (order().rating; as r) {
        <h2 class="title">Your delivery rating</h2>
        <div class="given" [attr.aria-label]="r.score + ' out of 5 stars'">
          @for (n of stars; track n) {
            <mat-icon
              [svgIcon]="n <= r.score ? 'star' : 'star_outline'"
              class="star"
              [class.on]="n <= r.score"
              aria-hidden="true"
            />
          }
          <span class="word">{{ words[r.score] }}</span>
        </div>
        @if (r.comment) {
          <p class="comment">“{{ r.comment }}”</p>
        }
        <p class="tc-muted small">
          Rated {{ r.at | displayDate }}{{ r.by ? ' by ' + r.by.name : '' }}. Thank you.
        </p>
      } @else {
        <h2 class="title" id="rate-title">Rate this delivery</h2>
        <p class="tc-muted small">
          How did the delivery go? Your rating helps the warehouse and carriers improve.
        </p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div
            class="stars"
            role="radiogroup"
            aria-labelledby="rate-title"
            [attr.aria-invalid]="showScoreError() ? 'true' : null"
          >
            @for (n of stars; track n) {
              <button
                #star
                type="button"
                role="radio"
                class="star-button"
                [attr.aria-checked]="score() === n"
                [attr.aria-label]="n + (n === 1 ? ' star' : ' stars') + ' — ' + words[n]"
                [tabindex]="(score() ?? 1) === n ? 0 : -1"
                (click)="choose(n)"
                (keydown)="onKey($event, n)"
              >
                <mat-icon
                  [svgIcon]="n <= (score() ?? 0) ? 'star' : 'star_outline'"
                  class="star"
                  [class.on]="n <= (score() ?? 0)"
                  aria-hidden="true"
                />
              </button>
            }
            <span class="word" aria-live="polite">{{ words[score() ?? 0] }}</span>
          </div>
          @if (showScoreError()) {
            <p class="error" role="alert">Choose 1 to 5 stars</p>
          }
          <mat-form-field class="comment-field">
            <mat-label>Comment (optional)</mat-label>
            <textarea matInput formControlName="comment" rows="3" maxlength="1000"></textarea>
            <mat-hint align="end">{{ comment.value.length }} / 1000</mat-hint>
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="tc-actions">
            <button mat-flat-button type="submit" [disabled]="saving()">
              {{ saving() ? 'Sending…' : 'Send rating' }}
            </button>
          </div>
        </form>
      }
    </div>
  `,
  styles: `
    .rating-card {
      padding: 16px 20px;
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .small {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
    }
    .stars,
    .given {
      display: flex;
      align-items: center;
      gap: 2px;
      margin: 4px 0 12px;
    }
    .star-button {
      display: inline-flex;
      padding: 4px;
      border: 0;
      border-radius: 50%;
      background: none;
      cursor: pointer;
      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: 1px;
      }
      &:hover {
        background: var(--mat-sys-surface-container-high);
      }
    }
    .star {
      width: 32px;
      height: 32px;
      color: var(--mat-sys-outline);
      &.on {
        color: #b26a00;
      }
    }
    .word {
      margin-left: 8px;
      font: var(--mat-sys-title-small);
    }
    .comment {
      margin: 0 0 4px;
      white-space: pre-line;
    }
    .comment-field {
      width: 100%;
      max-width: 560px;
      display: block;
    }
    .error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class DeliveryRatingCard {
  private readonly api = inject(OrdersApi);
  readonly order = input.required<Order>();
  readonly rated = output<Order>();

  readonly stars = [1, 2, 3, 4, 5];
  readonly words = SCORE_WORDS;
  readonly score = signal<number | null>(null);
  readonly comment = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] });
  readonly form = new FormGroup({ comment: this.comment });
  readonly saving = signal(false);
  readonly error = signal('');
  readonly showScoreError = signal(false);
  private readonly buttons = viewChildren<ElementRef<HTMLButtonElement>>('star');

  choose(n: number): void {
    this.score.set(n);
    this.showScoreError.set(false);
  }

  /** Arrow keys, Home and End move the choice, and focus with it, as in a radio group. */
  onKey(event: KeyboardEvent, n: number): void {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? Math.min(5, n + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? Math.max(1, n - 1)
          : event.key === 'Home'
            ? 1
            : event.key === 'End'
              ? 5
              : null;
    if (next === null) return;
    event.preventDefault();
    this.choose(next);
    this.buttons()[next - 1]?.nativeElement.focus();
  }

  submit(): void {
    const score = this.score();
    if (score === null) {
      this.showScoreError.set(true);
      return;
    }
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set('');
    const comment = this.comment.value.trim();
    this.api.rate(this.order().id, { score, ...(comment ? { comment } : {}) }).subscribe({
      next: (order) => {
        this.saving.set(false);
        this.rated.emit(order);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}
