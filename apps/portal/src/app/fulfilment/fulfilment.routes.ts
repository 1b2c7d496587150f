import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const fulfilmentRoutes: Routes = [
  {
    path: '',
    title: 'Fulfilment · Tradecounter',
    canActivate: [featureGuard('fulfilment')],
    loadComponent: () => import('./fulfilment-board-page').then((m) => m.FulfilmentBoardPage),
  },
  {
    path: 'pick-list',
    title: 'Pick list · Tradecounter',
    canActivate: [featureGuard('fulfilment')],
    loadComponent: () => import('./pick-list-page').then((m) => m.PickListPage),
  },
  {
    path: 'orders/:id',
    title: 'Fulfil order · Tradecounter',
    canActivate: [featureGuard('fulfilment')],
    loadComponent: () => import('./fulfilment-order-page').then((m) => m.FulfilmentOrderPage),
  },
  {
    path: 'orders/:id/check',
    title: 'Check order · Tradecounter',
    canActivate: [featureGuard('fulfilment')],
    loadComponent: () => import('./check-page').then((m) => m.CheckPage),
  },
  {
    path: 'waves',
    title: 'Waves · Tradecounter',
    canActivate: [featureGuard('waves')],
    loadComponent: () => import('./waves-page').then((m) => m.WavesPage),
  },
  {
    path: 'waves/:id',
    title: 'Wave · Tradecounter',
    canActivate: [featureGuard('waves')],
    loadComponent: () => import('./wave-page').then((m) => m.WavePage),
  },
  {
    path: 'slotting',
    title: 'Slotting · Tradecounter',
    canActivate: [featureGuard('slotting')],
    loadComponent: () => import('./slotting-page').then((m) => m.SlottingPage),
  },
];
