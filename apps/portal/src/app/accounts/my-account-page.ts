import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({ selector: 'tc-my-account-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
export class MyAccountPage {}
