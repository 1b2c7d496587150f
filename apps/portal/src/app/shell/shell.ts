import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { canUseFeature } from '@tradecounter/contracts';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { FocusOnNavigation } from './focus-on-navigation';
import { NotificationsBell } from '../notifications/notifications-bell';
import { navItemsFor } from './nav-items';
import { UserMenu } from './user-menu';
import { WorkCountsStore } from './work-counts';

/** Side navigation stays open from this width; below it slides over the page. */
const DESKTOP_QUERY = '(min-width: 1100px)';

@Component({
  selector: 'tc-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    UserMenu,
    NotificationsBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly focusOnNavigation = inject(FocusOnNavigation);

  private readonly workCounts = inject(WorkCountsStore);

  readonly user = this.auth.user;
  readonly counts = this.workCounts.counts;
  readonly navItems = computed(() => {
    const user = this.user();
    const counts = this.counts();
    return (user ? navItemsFor(user.role) : []).map((item) => ({
      ...item,
      waiting: item.count ? (counts?.[item.count] ?? 0) : 0,
    }));
  });
  /** Customer roles see their cart's line count in the bar. */
  readonly showCart = computed(() => {
    const user = this.user();
    return !!user && canUseFeature(user.role, 'cart');
  });
  readonly cartLines = computed(() => this.counts()?.cartLines ?? 0);
  readonly cartLabel = computed(() => {
    const lines = this.cartLines();
    return lines === 0 ? 'Cart, empty' : `Cart, ${lines} line${lines === 1 ? '' : 's'}`;
  });
  readonly isDesktop = toSignal(
    inject(BreakpointObserver)
      .observe(DESKTOP_QUERY)
      .pipe(map((state) => state.matches)),
    {
      initialValue: window.matchMedia(DESKTOP_QUERY).matches,
    },
  );

  /** Material's toolbar is 56px high on phones, 64px from 600px up. */
  readonly toolbarHeight = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 600px)')
      .pipe(map((state) => (state.matches ? 64 : 56))),
    { initialValue: window.matchMedia('(min-width: 600px)').matches ? 64 : 56 },
  );

  constructor() {
    this.workCounts.refreshIfDue();
    const router = inject(Router);
    this.focusOnNavigation.watch(router);
    // Over mode: close the drawer once a link was followed. Counts older than 30 s are asked again.
    router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      this.workCounts.refreshIfDue();
      if (!this.isDesktop()) void this.sidenav().close();
    });
  }

  /** The skip link: straight to the page's heading, without changing the address. */
  skipToContent(event: Event): void {
    event.preventDefault();
    this.focusOnNavigation.focusContent();
  }
}
