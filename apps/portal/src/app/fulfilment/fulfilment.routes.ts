import { Routes } from '@angular/router';

export const fulfilmentRoutes: Routes = [
  {
    path: '',
    title: 'Fulfilment · Tradecounter',
    loadComponent: () => import('./fulfilment-board-page').then((m) => m.FulfilmentBoardPage),
  },
  {
    path: 'pick-list',
    title: 'Pick list · Tradecounter',
    loadComponent: () => import('./pick-list-page').then((m) => m.PickListPage),
  },
  {
    path: 'orders/:id',
    title: 'Fulfil order · Tradecounter',
    loadComponent: () => import('./fulfilment-order-page').then((m) => m.FulfilmentOrderPage),
  },
];
