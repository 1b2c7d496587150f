import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { canUseFeature, PORTAL_FEATURES, type PortalFeatureName } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';

const TABS: readonly { feature: PortalFeatureName; label: string }[] = [
  { feature: 'purchasing', label: 'Purchase orders' },
  { feature: 'shortfall', label: 'Shortfall' },
  { feature: 'suggestions', label: 'Suggestions' },
  { feature: 'suppliers', label: 'Suppliers' },
];

/** The pages of Purchasing, as links under the heading: only those the user may open. */
@Component({
  selector: 'tc-purchasing-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Purchasing" class="tabs">
      @for (t of tabs(); track t.path) {
        <a
          mat-tab-link
          [routerLink]="t.path"
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="active.isActive"
          >{{ t.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel />
  `,
  styles: `
    :host {
      display: block;
    }
    .tabs {
      background: transparent;
    }
  `,
})
export class PurchasingTabs {
  private readonly auth = inject(AuthService);
  readonly tabs = computed(() => {
    const role = this.auth.user()?.role;
    return TABS.filter((t) => role && canUseFeature(role, t.feature)).map((t) => ({
      label: t.label,
      path: PORTAL_FEATURES[t.feature].path,
    }));
  });
}
