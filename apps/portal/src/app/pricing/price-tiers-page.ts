import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { PriceTier, PriceTierSummary } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { NewTierDialog } from './new-tier-dialog';
import { PercentPipe } from './percent.pipe';
import { PricingApi } from './pricing-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Every price tier with what hangs off it; account managers and admins add tiers. */
@Component({
  selector: 'tc-price-tiers-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    PercentPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './price-tiers-page.html',
  styles: `
    td.name {
      font-weight: 500;
    }
  `,
})
export class PriceTiersPage {
  private readonly api = inject(PricingApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly canEdit = computed(() => this.auth.hasRole(['account_manager', 'admin']));
  readonly columns = ['name', 'discount', 'accounts', 'breaks', 'fixed', 'updated'];
  readonly list = urlList({ state: 'local', request: () => ({}), fetch: () => this.api.tiers() });

  open(tier: PriceTierSummary | PriceTier): void {
    void this.router.navigate([tier.id], { relativeTo: this.route });
  }

  newTier(): void {
    this.dialog
      .open(NewTierDialog, { width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: PriceTier) => {
        if (created) this.open(created);
      });
  }
}
