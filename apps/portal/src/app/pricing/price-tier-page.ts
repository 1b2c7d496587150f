import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { PriceTier } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import type { Versioned } from '../shared/versioned';
import { PercentPipe } from './percent.pipe';
import { PricingApi } from './pricing-api';
import { PricingHistory } from './pricing-history';
import { TierBreaksEditor } from './tier-breaks-editor';
import { TierFixedPrices } from './tier-fixed-prices';
import { TierSettingsForm } from './tier-settings-form';

/** One tier: its name and discount, volume breaks, fixed prices and history. */
@Component({
  selector: 'tc-price-tier-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    ErrorState,
    LoadingState,
    PercentPipe,
    PricingHistory,
    TierBreaksEditor,
    TierFixedPrices,
    TierSettingsForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <a mat-icon-button routerLink="/price-tiers" aria-label="Back to price tiers"
          ><mat-icon svgIcon="back"
        /></a>
        @if (current()?.value; as t) {
          <div class="title">
            <span class="tc-muted">Price tier</span>
            <h1>{{ t.name }}</h1>
          </div>
          <span class="tc-status">{{ t.discountPercent | percentText }} off list</span>
          <span class="tc-status"
            >{{ t.accountCount }} {{ t.accountCount === 1 ? 'account' : 'accounts' }}</span
          >
        } @else {
          <h1>Price tier</h1>
        }
      </header>

      @if (stale()) {
        <div class="stale" role="alert" #staleBanner>
          <mat-icon svgIcon="error" aria-hidden="true" />
          <span
            >Someone else changed this tier meanwhile, so your change was not saved. Reload to see theirs,
            then make yours again.</span
          >
          <button mat-flat-button type="button" (click)="reload()">
            <mat-icon svgIcon="refresh" />Reload
          </button>
        </div>
      }

      @if (current(); as v) {
        @if (!canEdit()) {
          <p class="tc-muted">You can view this tier; only account managers and administrators change it.</p>
        }
        <div class="tc-card">
          <h2 class="card-title">Tier settings</h2>
          <tc-tier-settings-form
            [tier]="v.value"
            [etag]="v.etag"
            [readonly]="!canEdit()"
            (saved)="saved($event)"
            (stale)="stale.set(true)"
          />
        </div>
        <div class="tc-card">
          <h2 class="card-title">Volume breaks</h2>
          <tc-tier-breaks-editor
            [tier]="v.value"
            [etag]="v.etag"
            [readonly]="!canEdit()"
            (saved)="saved($event)"
            (stale)="stale.set(true)"
          />
        </div>
        <div class="tc-card">
          <h2 class="card-title">Fixed prices</h2>
          <tc-tier-fixed-prices
            [tier]="v.value"
            [etag]="v.etag"
            [readonly]="!canEdit()"
            (saved)="saved($event)"
            (stale)="stale.set(true)"
          />
        </div>
        <section class="tc-card" aria-labelledby="tier-history-title">
          <h2 class="card-title" id="tier-history-title">Change history</h2>
          <p class="card-intro tc-muted">
            Who changed this tier's settings, breaks and fixed prices, and when.
          </p>
          <tc-pricing-history
            [query]="{ entity: 'price_tier', entityId: v.value.id }"
            [version]="v.etag ?? v.value.updatedAt"
            [names]="names()"
            [pageSize]="25"
            emptyMessage="Changes to this tier's discount, breaks and fixed prices will be listed here."
          />
        </section>
      } @else if (loading()) {
        <div class="tc-card"><tc-loading-state label="Loading tier…" /></div>
      } @else if (problem(); as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="reload()" /></div>
      }
    </section>
  `,
  styles: `
    .title {
      display: flex;
      flex-direction: column;
      gap: 2px;
      flex: 1 1 auto;
      min-width: 0;
    }
    .card-title {
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 0;
    }
    .card-intro {
      margin: 4px 20px 0;
    }
    .stale {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      span {
        flex: 1 1 240px;
      }
    }
  `,
})
export class PriceTierPage {
  private readonly api = inject(PricingApi);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly query = computed(() => ({ id: this.id(), reload: this.reloads() }));
  private readonly loaded = toSignal(loadOnEach(toObservable(this.query), ({ id }) => this.api.tier(id)));
  /** The tier as last read or saved, with its ETag. */
  readonly current = linkedSignal<Versioned<PriceTier> | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly stale = signal(false);
  private readonly staleBanner = viewChild<ElementRef<HTMLElement>>('staleBanner');
  readonly canEdit = computed(() => this.auth.hasRole(['account_manager', 'admin']));
  /** SKUs for the product ids the history carries. */
  readonly names = computed(() => {
    const tier = this.current()?.value;
    const names = new Map<string, string>();
    for (const b of tier?.breaks ?? []) if (b.productId && b.sku) names.set(b.productId, b.sku);
    for (const f of tier?.fixedPrices ?? []) names.set(f.productId, f.sku);
    return names;
  });

  constructor() {
    // The refused save may be far down the page: bring the banner into view.
    afterRenderEffect(() => this.staleBanner()?.nativeElement.scrollIntoView({ block: 'nearest' }));
  }

  saved(result: Versioned<PriceTier>): void {
    this.stale.set(false);
    this.current.set(result);
  }

  reload(): void {
    this.stale.set(false);
    this.reloads.update((n) => n + 1);
  }
}
