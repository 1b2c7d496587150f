import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  effect,
  input,
  OnDestroy,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSeries } from './report-types';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** Readable on light surfaces and apart from one another for common colour blindness. */
const COLOURS = ['#00696f', '#b3541e', '#4b5ea8', '#8a6d00', '#9c3d6f'];

/**
 * The one wrapper every chart goes through: Chart.js on a canvas, rebuilt
 * when its data changes, with a text alternative (the caller shows the same
 * numbers as a table) and destroyed with the component.
 */
@Component({
  selector: 'tc-chart-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="frame"><canvas #canvas role="img" [attr.aria-label]="description()"></canvas></div>`,
  styles: `
    .frame {
      position: relative;
      height: 280px;
    }
  `,
})
export class ChartPanel implements OnDestroy {
  readonly kind = input<'bar' | 'line'>('bar');
  /** Bars along the horizontal axis: long labels (accounts, products) stay readable. */
  readonly horizontal = input(false);
  /** The top of the value axis, e.g. 1 for shares; otherwise it fits the data. */
  readonly max = input<number | undefined>(undefined);
  /** Counts: whole-number ticks only (no "2.5 orders"). */
  readonly integer = input(false);
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** Formats values on the axis and in tooltips (money, counts). */
  readonly format = input<(value: number) => string>((value) => String(value));
  /** Formats the value axis's ticks, where space is short; the tooltips use `format`. */
  readonly tickFormat = input<((value: number) => string) | undefined>(undefined);
  readonly description = input.required<string>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | undefined;

  constructor() {
    effect(() => this.draw());
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  /** Axis labels are cut at 24 characters; the tooltip shows them whole. */
  private readonly shortLabel = function (
    this: { getLabelForValue(value: number): string },
    value: string | number,
  ) {
    const label = this.getLabelForValue(Number(value));
    return label.length > 24 ? `${label.slice(0, 23)}…` : label;
  };

  private draw(): void {
    const format = this.format();
    const tick = this.tickFormat() ?? format;
    const horizontal = this.horizontal();
    const valueAxis = {
      beginAtZero: true,
      max: this.max(),
      ticks: {
        precision: this.integer() ? 0 : undefined,
        callback: (value: string | number) => tick(Number(value)),
      },
    };
    const labelAxis = { ticks: { autoSkip: true, callback: this.shortLabel } };
    const config: ChartConfiguration = {
      type: this.kind(),
      data: {
        labels: this.labels(),
        datasets: this.series().map((series, index) => ({
          label: series.name,
          data: series.values,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
          // Monotone curves never overshoot: no dip below zero, no share above 100%.
          cubicInterpolationMode: 'monotone',
          maxBarThickness: 56,
          pointRadius: this.labels().length > 40 ? 0 : 3,
          spanGaps: false,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: {
          legend: { display: this.series().length > 1 },
          tooltip: {
            callbacks: {
              title: (items) => items.map((item) => item.label),
              label: (item) => `${item.dataset.label}: ${item.raw === null ? '—' : format(Number(item.raw))}`,
            },
          },
        },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    };
    this.chart?.destroy();
    this.chart = new Chart(this.canvas().nativeElement, config);
  }
}
