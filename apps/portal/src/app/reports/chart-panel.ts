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

/** One series of a chart: its name and a value per label. */
export interface ChartSeries {
  name: string;
  values: number[];
}

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
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** Formats values on the axis and in tooltips (money, counts). */
  readonly format = input<(value: number) => string>((value) => String(value));
  readonly description = input.required<string>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | undefined;

  constructor() {
    effect(() => this.draw());
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  private draw(): void {
    const format = this.format();
    const config: ChartConfiguration = {
      type: this.kind(),
      data: {
        labels: this.labels(),
        datasets: this.series().map((series, index) => ({
          label: series.name,
          data: series.values,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
          tension: 0.25,
          maxBarThickness: 56,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: this.series().length > 1 },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => format(Number(value)) } } },
      },
    };
    this.chart?.destroy();
    this.chart = new Chart(this.canvas().nativeElement, config);
  }
}
