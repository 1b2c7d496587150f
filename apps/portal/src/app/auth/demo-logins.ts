import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The seeded demo users (api.md "Demo data"); all share the password demo1234. */
const DEMO_USERS = [
  { email: 'buyer@acme.test', role: 'Buyer, ACME' },
  { email: 'approver@acme.test', role: 'Approver, ACME' },
  { email: 'buyer@globex.test', role: 'Buyer, GLOBEX' },
  { email: 'am@tradecounter.test', role: 'Account manager' },
  { email: 'warehouse@tradecounter.test', role: 'Warehouse' },
  { email: 'manager@tradecounter.test', role: 'Manager' },
  { email: 'admin@tradecounter.test', role: 'Administrator' },
];

@Component({
  selector: 'tc-demo-logins',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <aside class="demo" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo logins</h2>
      <p>Password for all: <code>demo1234</code>. Pick one to fill the form.</p>
      <ul>
        @for (user of users; track user.email) {
          <li>
            <button mat-button type="button" (click)="pick.emit(user.email)">
              {{ user.email }} <span class="role">· {{ user.role }}</span>
            </button>
          </li>
        }
      </ul>
    </aside>
  `,
  styles: `
    .demo {
      width: 100%;
      max-width: 420px;
      box-sizing: border-box;
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px dashed var(--mat-sys-outline-variant);
    }
    h2 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    p {
      margin: 4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
    }
    button {
      justify-content: flex-start;
      width: 100%;
    }
    .role {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DemoLogins {
  readonly users = DEMO_USERS;
  readonly pick = output<string>();
}
