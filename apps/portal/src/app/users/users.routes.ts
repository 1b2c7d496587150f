import { Routes } from '@angular/router';

export const usersRoutes: Routes = [
  {
    path: '',
    title: 'Users · Tradecounter',
    loadComponent: () => import('./users-page').then((m) => m.UsersPage),
  },
];
