import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CarrierTracking } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { trackingTemplateProblem, trackingUrl } from '@tradecounter/domain';
import { AuthService } from '../auth/auth.service';
import { ErrorState } from '../shared/error-state';
import { INITIAL_LOADABLE, type Loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { CarrierTrackingApi } from './carrier-tracking-api';

const EXAMPLE_NUMBER = '1Z999AA10123456784';

function templateValidator(control: { value: unknown }) {
  const problem = trackingTemplateProblem(String(control.value ?? '').trim());
  return problem ? { template: `The template ${problem}` } : null;
}

/**
 * Where each carrier's tracking numbers are looked up: a URL template with
 * {trackingNumber}. Shipments link their number through it; a carrier
 * without one shows the number as plain text. Administrators edit.
 */
@Component({
  selector: 'tc-carrier-tracking-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header"><h1>Carrier tracking pages</h1></header>
      <p class="tc-muted intro">
        A shipment's tracking number links to its carrier's page: the template's
        <code>{{ placeholder }}</code> is replaced by the number (URL-encoded). Carriers not listed show the
        number as plain text.
      </p>
      @let s = state();
      @if (s.loading && !s.value) {
        <div class="tc-card"><tc-loading-state label="Loading carriers…" /></div>
      } @else if (s.problem; as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="load()" /></div>
      } @else if (s.value; as carriers) {
        <div class="tc-card">
          <ul class="carriers" aria-label="Carriers">
            @for (c of carriers; track c.carrier) {
              <li [attr.data-carrier]="c.carrier">
                <strong class="name">{{ c.carrier }}</strong>
                @if (canEdit()) {
                  <form class="row" (ngSubmit)="save(c.carrier, controlFor(c))">
                    <mat-form-field class="template">
                      <mat-label>Tracking URL for {{ c.carrier }}</mat-label>
                      <input matInput [formControl]="controlFor(c)" autocomplete="off" />
                      <mat-hint>e.g. {{ example(controlFor(c).value) }}</mat-hint>
                      <mat-error>{{ controlFor(c).errors?.['template'] }}</mat-error>
                    </mat-form-field>
                    <button mat-flat-button type="submit" [disabled]="busy()">Save</button>
                    <button mat-button type="button" [disabled]="busy()" (click)="remove(c.carrier)">
                      Remove
                    </button>
                  </form>
                } @else {
                  <code class="tc-mono">{{ c.urlTemplate }}</code>
                }
              </li>
            } @empty {
              <li class="tc-muted">No carrier has a tracking page.</li>
            }
          </ul>
        </div>
        @if (canEdit()) {
          <div class="tc-card">
            <h2 class="card-title">Add a carrier</h2>
            <form class="row add" [formGroup]="addForm" (ngSubmit)="add()">
              <mat-form-field>
                <mat-label>Carrier</mat-label>
                <input matInput formControlName="carrier" autocomplete="off" />
                <mat-hint>As the warehouse picks it when shipping</mat-hint>
              </mat-form-field>
              <mat-form-field class="template">
                <mat-label>Tracking URL</mat-label>
                <input matInput formControlName="urlTemplate" autocomplete="off" />
                <mat-error>{{ addForm.controls.urlTemplate.errors?.['template'] }}</mat-error>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="busy()">Add</button>
            </form>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .intro {
      margin: 0 0 12px;
    }
    .carriers {
      list-style: none;
      margin: 0;
      padding: 8px 20px;
      li {
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      li:last-child {
        border-bottom: 0;
      }
    }
    .name {
      display: block;
      margin-bottom: 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
    }
    .add {
      padding: 0 20px 16px;
    }
    .template {
      flex: 1 1 320px;
      min-width: 0;
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
})
export class CarrierTrackingPage {
  private readonly api = inject(CarrierTrackingApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);

  readonly placeholder = '{trackingNumber}';
  readonly canEdit = computed(() => this.auth.hasRole(['admin']));
  readonly state = signal<Loadable<CarrierTracking[]>>(INITIAL_LOADABLE);
  readonly busy = signal(false);
  private readonly controls = new Map<string, FormControl<string>>();
  readonly addForm = new FormGroup({
    carrier: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*\S(.{0,58}\S)?\s*$/)],
    }),
    urlTemplate: new FormControl('https://', { nonNullable: true, validators: templateValidator }),
  });

  constructor() {
    this.load();
  }

  load(): void {
    this.state.update((s) => ({ ...s, loading: true, problem: undefined }));
    this.api.list().subscribe({
      next: (carriers) => {
        this.controls.clear();
        this.state.set({ loading: false, value: carriers, problem: undefined });
      },
      error: (error: unknown) =>
        this.state.set({ loading: false, value: undefined, problem: toProblem(error) }),
    });
  }

  controlFor(carrier: CarrierTracking): FormControl<string> {
    let control = this.controls.get(carrier.carrier);
    if (!control) {
      control = new FormControl(carrier.urlTemplate, { nonNullable: true, validators: templateValidator });
      this.controls.set(carrier.carrier, control);
    }
    return control;
  }

  example(template: string): string {
    return trackingUrl(template.trim(), EXAMPLE_NUMBER) ?? '—';
  }

  save(carrier: string, control: FormControl<string>): void {
    control.markAsTouched();
    if (control.invalid || this.busy()) return;
    this.run(this.api.set(carrier, control.value.trim()), `${carrier} tracking page saved`);
  }

  add(): void {
    this.addForm.markAllAsTouched();
    if (this.addForm.invalid || this.busy()) return;
    const { carrier, urlTemplate } = this.addForm.getRawValue();
    this.run(this.api.set(carrier.trim(), urlTemplate.trim()), `${carrier.trim()} tracking page added`, () =>
      this.addForm.reset(),
    );
  }

  remove(carrier: string): void {
    if (this.busy()) return;
    this.run(this.api.remove(carrier), `${carrier} tracking page removed`);
  }

  private run(request: Observable<unknown>, done: string, after?: () => void): void {
    this.busy.set(true);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.snackBar.open(done, 'Dismiss', { duration: 4000 });
        after?.();
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }
}
