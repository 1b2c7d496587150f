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

/** Diagonal stripes of a colour on a pale ground: a partial period's bar. */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return `${colour}66`;
  context.fillStyle = `${colour}33`;
  context.fillRect(0, 0, 8, 8);
  context.strokeStyle = colour;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? `${colour}66`;
}

/** Each series its colour; a dashed one shares the colour of the series before it. */
function colourIndexes(series: readonly ChartSeries[]): number[] {
  let index = -1;
  return series.map((one) => (one.dashed && index >= 0 ? index : ++index));
}

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
  /** Where the value axis starts; zero unless given (shares that all sit high start near them). */
  readonly min = input<number | undefined>(undefined);
  /** Per label: a partial period, drawn hatched (bars) or dashed (lines). */
  readonly partial = input<boolean[] | undefined>(undefined);
  /**
   * Series stacked on one bar per label: with a value per label in only one
   * series, each bar takes that series' colour (e.g. products by class).
   */
  readonly stacked = input(false);
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
    const min = this.min();
    const partial = this.partial();
    const isPartial = (index: number) => partial?.[index] === true;
    const palette = colourIndexes(this.series()).map((index) => COLOURS[index % COLOURS.length] ?? '#00696f');
    const colour = (index: number): string => palette[index] ?? '#00696f';
    const stacked = this.stacked() || undefined;
    const valueAxis = {
      stacked,
      beginAtZero: min === undefined || min === 0,
      min: min === undefined || min === 0 ? undefined : min,
      max: this.max(),
      ticks: {
        precision: this.integer() ? 0 : undefined,
        callback: (value: string | number) => tick(Number(value)),
      },
    };
    const labelAxis = { stacked, ticks: { autoSkip: true, callback: this.shortLabel } };
    const config: ChartConfiguration = {
      type: this.kind(),
      data: {
        labels: this.labels(),
        datasets: this.series().map((series, index) => ({
          label: series.name,
          data: series.values,
          backgroundColor:
            partial && this.kind() === 'bar'
              ? series.values.map((_, at) => (isPartial(at) ? hatch(colour(index)) : colour(index)))
              : colour(index),
          borderColor: colour(index),
          borderDash: series.dashed ? [6, 4] : undefined,
          // Into a partial period, a line goes dashed.
          segment: {
            borderDash: (context: { p1DataIndex: number }) =>
              series.dashed || isPartial(context.p1DataIndex) ? [6, 4] : undefined,
          },
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
          legend: {
            display: this.series().length > 1,
            // A series' own colour in the legend, not the hatch of its first (partial) bar.
            labels: {
              generateLabels: (chart) =>
                Chart.defaults.plugins.legend.labels
                  .generateLabels(chart)
                  .map((item) => ({ ...item, fillStyle: item.strokeStyle })),
            },
          },
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
