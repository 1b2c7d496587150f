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

/**
 * The pages of Purchasing, as links under the heading: only those the user
 * may open. Without a tab panel the bar stays a navigation of links (not a
 * tablist): each is a page of its own.
 */
@Component({
  selector: 'tc-purchasing-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav mat-tab-nav-bar mat-stretch-tabs="false" aria-label="Purchasing" class="tabs">
      @for (t of tabs(); track t.path) {
        <a
          mat-tab-link
          [routerLink]="t.path"
          routerLinkActive
          ariaCurrentWhenActive="page"
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="active.isActive"
          >{{ t.label }}</a
        >
      }
    </nav>
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
