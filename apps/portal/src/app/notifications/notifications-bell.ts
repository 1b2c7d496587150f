import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import type { AppNotification, NotificationList } from '@tradecounter/contracts';
import { catchError, EMPTY, merge, Subject, switchMap, timer } from 'rxjs';
import { WorkCountsStore } from '../shell/work-counts';
import { NotificationsApi } from './notifications-api';
import { notificationLink } from './notification-link';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** How often the bell asks for news while the portal is open. */
const POLL_MS = 30_000;

/** The toolbar's bell: how many notifications are unread, and the latest ones with links to their orders. */
@Component({
  selector: 'tc-notifications-bell',
  imports: [
    DisplayDateTimePipe,
    MatBadgeModule,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let list = state();
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu"
      (menuOpened)="refresh()"
      [attr.aria-label]="label()"
      data-testid="notifications-bell"
    >
      <mat-icon
        svgIcon="notifications"
        [matBadge]="unread() > 99 ? '99+' : unread()"
        [matBadgeHidden]="unread() === 0"
        matBadgeColor="warn"
        aria-hidden="true"
      />
    </button>
    <span class="tc-visually-hidden" aria-live="polite">{{ announcement() }}</span>
    <mat-menu #menu="matMenu" xPosition="before" class="tc-notifications-menu">
      <div class="head" role="presentation">
        <strong>Notifications</strong>
        @if (unread() > 0) {
          <span class="tc-muted">{{ unread() }} unread</span>
        }
      </div>
      <mat-divider />
      @if (failed()) {
        <p class="note" role="alert">Notifications could not be loaded. They will be tried again shortly.</p>
      } @else if (!list) {
        <p class="note">Loading…</p>
      } @else if (list.items.length === 0) {
        <p class="note">Nothing new. You will be told here when an order needs you or changes.</p>
      }
      @for (item of list?.items ?? []; track item.id) {
        <button mat-menu-item type="button" class="item" [class.unread]="!item.readAt" (click)="open(item)">
          <!-- Said, not shown: an aria-label would hide the body and date that sighted users read (axe: label-content-name-mismatch). -->
          @if (!item.readAt) {
            <span class="tc-visually-hidden">Unread: </span>
          }
          <span class="title">{{ item.title }}</span>
          <span class="body">{{ item.body }}</span>
          <span class="when">{{ item.createdAt | displayDateTime }}</span>
        </button>
      }
      @if (unread() > 0) {
        <mat-divider />
        <button mat-menu-item type="button" (click)="markAllRead()">
          <mat-icon svgIcon="done_all" />Mark all read
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .bell {
      color: inherit;
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 16px;
      padding: 8px 16px;
    }
    .note {
      padding: 8px 16px;
      margin: 0;
      max-width: 320px;
      color: var(--mat-sys-on-surface-variant);
    }
    .item {
      height: auto;
      min-height: 64px;
      padding-top: 8px;
      padding-bottom: 8px;
      border-left: 4px solid transparent;
    }
    .item.unread {
      border-left-color: var(--mat-sys-primary);
    }
    .item .title,
    .item .body,
    .item .when {
      display: block;
      white-space: normal;
      line-height: 1.3;
    }
    .item.unread .title {
      font-weight: 600;
    }
    .item .body {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .item .when {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationsBell {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly refreshes = new Subject<void>();

  readonly state = signal<NotificationList | undefined>(undefined);
  readonly failed = signal(false);
  readonly unread = signal(0);
  readonly announcement = signal('');
  readonly label = computed(() => {
    const unread = this.unread();
    return unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  });

  constructor() {
    // The work counts (asked on navigation and after changes) saw news: fetch the list now, not at the next poll.
    const counts = inject(WorkCountsStore).counts;
    effect(() => {
      const unread = counts()?.unreadNotifications;
      if (unread !== undefined && unread !== untracked(this.unread)) this.refresh();
    });
    merge(timer(0, POLL_MS), this.refreshes)
      .pipe(
        switchMap(() =>
          this.api.recent().pipe(
            catchError(() => {
              this.failed.set(true);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((list) => this.show(list));
  }

  refresh(): void {
    this.refreshes.next();
  }

  open(item: AppNotification): void {
    if (!item.readAt) {
      this.api.markRead(item.id).subscribe({ next: () => this.refresh(), error: () => undefined });
    }
    const link = notificationLink(item);
    if (link) void this.router.navigate(link);
  }

  markAllRead(): void {
    this.api.markAllRead().subscribe({ next: () => this.refresh(), error: () => this.failed.set(true) });
  }

  private show(list: NotificationList): void {
    const before = this.unread();
    this.failed.set(false);
    this.state.set(list);
    this.unread.set(list.unread);
    if (list.unread > before) {
      this.announcement.set(`${list.unread} unread notification${list.unread === 1 ? '' : 's'}`);
    }
  }
}
