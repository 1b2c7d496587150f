import { Routes } from '@angular/router';

export const adminUsersRoutes: Routes = [];
