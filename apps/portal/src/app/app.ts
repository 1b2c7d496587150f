import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ReconnectingBanner } from './connection/reconnecting-banner';

@Component({
  selector: 'tc-root',
  imports: [RouterOutlet, ReconnectingBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<tc-reconnecting-banner /><router-outlet />',
})
export class App {}
