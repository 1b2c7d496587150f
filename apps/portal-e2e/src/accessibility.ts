import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * axe-core on every page a journey visits.
 *
 * A script in each page watches the address; whenever it changes (a full load
 * or an Angular route change) it waits until the page has settled (its h1 is
 * shown, no progress bar, no DOM changes for a moment), runs axe once for that
 * address and hands the result to the test through a binding. The journey is
 * never paused for this; when the test ends the fixture waits for the checks
 * still running and fails on any serious or critical violation.
 */

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
export interface PageReport {
  url: string;
  violations: AxeViolation[];
}

const FAILING_IMPACTS = new Set(['serious', 'critical']);
const BINDING = '__tcAccessibilityReport';

/** Page shapes this worker has checked: the path with ids as ":id", and the query's names. */
const checkedShapes = new Set<string>();

/**
 * Each page is checked the first time any journey of this worker reaches it
 * (`/orders/<id>?tab=x` and `/orders/<other id>?tab=y` are one page): axe
 * costs CPU the journeys need, and the same page gives the same answer.
 */
function firstVisit(url: string): boolean {
  const { pathname, searchParams } = new URL(url);
  const path = pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}|\/\d+(?=\/|$)/gi, '/:id');
  const shape = `${path}?${[...new Set(searchParams.keys())].sort().join('&')}`;
  if (checkedShapes.has(shape)) return false;
  checkedShapes.add(shape);
  return true;
}

/** Runs in the page (before the portal's own scripts). */
function watchPages(binding: string): void {
  type Axe = { run: (context: Document | object, options: object) => Promise<{ violations: unknown[] }> };
  const win = window as unknown as Record<string, unknown>;
  if (window.top !== window) return;
  const checked = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let pending = 0;
  let lastUrl = '';

  const headingShown = (): boolean => {
    const h1 = document.querySelector('h1');
    if (!h1) return false;
    const box = h1.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const busy = (): boolean =>
    !!document.querySelector('mat-progress-bar, mat-spinner, .mat-mdc-progress-spinner');

  /** Resolves once the page looks finished, or after a few seconds regardless. */
  const settled = (url: string): Promise<boolean> =>
    new Promise((resolve) => {
      const started = Date.now();
      let quietSince = Date.now();
      const observer = new MutationObserver(() => (quietSince = Date.now()));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const tick = () => {
        if (location.href !== url) {
          observer.disconnect();
          resolve(false);
        } else if (
          (headingShown() && !busy() && Date.now() - quietSince > 300) ||
          Date.now() - started > 8000
        ) {
          observer.disconnect();
          resolve(true);
        } else setTimeout(tick, 150);
      };
      tick();
    });

  const check = (url: string) => {
    pending++;
    running = running
      .then(() => settled(url))
      .then(async (ready) => {
        if (!ready || checked.has(url)) return;
        checked.add(url);
        const wanted = win[`${binding}Wanted`] as (url: string) => Promise<boolean>;
        if (!(await wanted(url))) return;
        const axe = win['axe'] as Axe;
        // A disabled field's greyed label is exempt from contrast (WCAG 1.4.3: inactive components).
        const context = { exclude: [['.mat-form-field-disabled mat-label']] };
        const result = await axe.run(context, {
          rules: { 'label-content-name-mismatch': { enabled: true } },
          resultTypes: ['violations'],
        });
        await (win[binding] as (report: unknown) => Promise<void>)({ url, violations: result.violations });
      })
      .catch((error: unknown) => console.error('accessibility check failed', error))
      .finally(() => pending--);
  };

  win['__tcAccessibilityIdle'] = async () => {
    while (pending > 0) await running;
  };
  const poll = () => {
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      check(lastUrl);
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    poll();
    setInterval(poll, 100);
  });
}

/** Collects reports from every page of the context (including pop-ups). */
export async function watchAccessibility(context: BrowserContext, reports: PageReport[]): Promise<void> {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await context.exposeBinding(BINDING, (_source, report: PageReport) => {
    reports.push(report);
  });
  // axe is parsed while the page loads (goto waits for it), not later while the journey types.
  await context.exposeBinding(`${BINDING}Wanted`, (_source, url: string) => firstVisit(url));
  await context.addInitScript({
    content: `${axeSource}\n;(${watchPages.toString()})(${JSON.stringify(BINDING)});`,
  });
}

/** Waits for the checks still running in the context's open pages. */
export async function accessibilityIdle(pages: Page[]): Promise<void> {
  for (const page of pages) {
    if (page.isClosed()) continue;
    await page
      .evaluate(() =>
        (window as unknown as { __tcAccessibilityIdle?: () => Promise<void> }).__tcAccessibilityIdle?.(),
      )
      .catch(() => undefined); // closed or navigating: nothing left to wait for
  }
}

/** Serious and critical violations, one block per rule and page, readable in a test report. */
export function failingViolations(reports: PageReport[]): string {
  return describeViolations(reports, (impact) => FAILING_IMPACTS.has(impact));
}

/** Every violation, whatever its impact (kept as an artifact per test). */
export function allViolations(reports: PageReport[]): string {
  return describeViolations(reports, () => true);
}

function describeViolations(reports: PageReport[], counts: (impact: string) => boolean): string {
  const blocks: string[] = [];
  for (const report of reports) {
    const path = new URL(report.url).pathname + new URL(report.url).search;
    for (const violation of report.violations) {
      if (!counts(violation.impact ?? '')) continue;
      const nodes = violation.nodes.slice(0, 5).map((node) => {
        const summary = (node.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim();
        return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
      });
      const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
      blocks.push(
        [
          `${path}: [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
          ...nodes,
          ...more,
        ].join('\n'),
      );
    }
  }
  return [...new Set(blocks)].join('\n');
}
