import { DOCUMENT, Injectable, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How long a page may take to show its heading (detail pages load first). */
const HEADING_WAIT_MS = 3000;

/**
 * After a route change to another page, focus moves to that page's h1 (made
 * focusable with tabindex=-1), so screen-reader and keyboard users start at the
 * new content instead of the link they followed. Changes of the query alone
 * (search, filters, paging) keep focus where it is.
 */
@Injectable({ providedIn: 'root' })
export class FocusOnNavigation {
  private readonly document = inject(DOCUMENT);
  private lastPath: string | null = null;
  private stopWaiting: (() => void) | null = null;

  /** Starts watching; the shell calls it once. */
  watch(router: Router): void {
    router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe((event) => {
      const path = event.urlAfterRedirects.split(/[?#]/)[0];
      const first = this.lastPath === null;
      const changed = path !== this.lastPath;
      this.lastPath = path;
      // The first page: focus stays at the top, where the skip link is.
      if (!first && changed) this.focusHeadingSoon();
    });
  }

  /** Focuses the page's heading now (the skip link), or its main region. */
  focusContent(): void {
    const main = this.document.querySelector<HTMLElement>('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (target) this.focus(target);
  }

  private focusHeadingSoon(): void {
    this.stopWaiting?.();
    const main = this.document.querySelector('main');
    if (!main) return;
    const focusedBefore = this.document.activeElement;
    const tryFocus = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!this.dialogOpen() && !this.movedOn(main, focusedBefore)) this.focus(heading);
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      this.stopWaiting = null;
    };
    this.stopWaiting = stop;
    observer.observe(main, { childList: true, subtree: true });
  }

  /** The user already put focus into the new page (e.g. started typing): leave it there. */
  private movedOn(main: Element, focusedBefore: Element | null): boolean {
    const active = this.document.activeElement;
    return !!active && active !== focusedBefore && active !== this.document.body && main.contains(active);
  }

  private dialogOpen(): boolean {
    return !!this.document.querySelector('.cdk-overlay-container [role="dialog"]');
  }

  private focus(target: HTMLElement): void {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
}
