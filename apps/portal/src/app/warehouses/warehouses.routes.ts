import { Routes } from '@angular/router';

export const warehousesRoutes: Routes = [
  {
    path: '',
    title: 'Warehouses · Tradecounter',
    loadComponent: () => import('./warehouses-page').then((m) => m.WarehousesPage),
  },
];

export const calendarRoutes: Routes = [
  {
    path: '',
    title: 'Holiday calendar · Tradecounter',
    loadComponent: () => import('./holidays-page').then((m) => m.HolidaysPage),
  },
];
