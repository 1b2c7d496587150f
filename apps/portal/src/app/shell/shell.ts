import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { FocusOnNavigation } from './focus-on-navigation';
import { NotificationsBell } from '../notifications/notifications-bell';
import { navItemsFor } from './nav-items';
import { UserMenu } from './user-menu';

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

  readonly user = this.auth.user;
  readonly navItems = computed(() => {
    const user = this.user();
    return user ? navItemsFor(user.role) : [];
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
    const router = inject(Router);
    this.focusOnNavigation.watch(router);
    // Over mode: close the drawer once a link was followed.
    router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (!this.isDesktop()) void this.sidenav().close();
    });
  }

  /** The skip link: straight to the page's heading, without changing the address. */
  skipToContent(event: Event): void {
    event.preventDefault();
    this.focusOnNavigation.focusContent();
  }
}
