import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  LANDING_FEATURE,
  PORTAL_FEATURES,
  ROLES,
  canUseFeature,
  type PortalFeatureName,
  type Role,
} from '@tradecounter/contracts';
import { ROLES_KEY } from './decorators';

/**
 * The portal's one table of pages and roles (PORTAL_FEATURES) against the
 * API's @Roles: a page never sends someone to a route that refuses them, and
 * its roles are exactly its route's unless the route also serves others for a
 * reason named here.
 */
const WIDER_API: Partial<Record<PortalFeatureName, string>> = {
  orders: 'the warehouse reads orders through the fulfilment board, not the order list',
  openLines: 'staff read open lines per account, on the account page',
  creditHolds: 'the order list serves every role; holds is its staff view',
  phoneOrder: 'customers place their own orders through checkout',
  myAccount: 'staff read accounts through the accounts pages',
  accounts: 'customers read their own account on My account',
  warehouses: 'staff pick warehouses on other pages; only the warehouse and admins have the page',
  holidays: 'everyone reads holidays through delivery promises',
  dashboard: 'account managers have their own dashboard',
  myAccountsDashboard: 'managers and admins have the company dashboard',
  sales: 'customers read the same report as their Spend page',
  spend: 'staff read sales on the sales report',
  quotes: 'quotes are read by any signed-in role, scoped to what it may see; the warehouse has no quote work',
  quoteRequest: 'customers ask for quotes from the cart and product pages; the page is the account manager’s',
  audit: 'account managers read their own accounts’ history on the account pages, not the whole trail',
  creditNotes: 'the warehouse reads the credit notes of the returns it receives, on the return page',
};

interface ApiRoute {
  route: string;
  roles: readonly Role[];
}

/** Every route of every controller under apps/api/src, with its @Roles (handler over class). */
function apiRoutes(): Map<string, ApiRoute> {
  const root = join(__dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.controller.ts'),
  );
  const routes = new Map<string, ApiRoute>();
  for (const file of files) {
    const exports = require(join(root, file)) as Record<string, unknown>;
    for (const controller of Object.values(exports)) {
      if (typeof controller !== 'function') continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      if (base === undefined) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, controller) ??
          []) as Role[];
        const full = ['api', String(base), path]
          .flatMap((part) => part.split('/'))
          .filter((part) => part !== '')
          .join('/');
        const route = `${RequestMethod[method]} /${full}`;
        routes.set(route, { route, roles });
      }
    }
  }
  return routes;
}

describe('PORTAL_FEATURES against the API @Roles', () => {
  const routes = apiRoutes();
  const features = Object.entries(PORTAL_FEATURES) as [
    PortalFeatureName,
    (typeof PORTAL_FEATURES)[PortalFeatureName],
  ][];

  it('reads the controllers', () => {
    expect(routes.size).toBeGreaterThan(80);
    expect(routes.get('POST /api/orders/:id/approve')?.roles).toEqual(['approver', 'admin']);
  });

  it.each(features)('%s: its API route exists and admits every role of the page', (_name, feature) => {
    const route = routes.get(feature.api);
    expect(route).toBeDefined();
    const refused = feature.roles.filter((role) => !route?.roles.includes(role));
    expect({ api: feature.api, refused }).toEqual({ api: feature.api, refused: [] });
  });

  it.each(features)('%s: its roles equal its API route’s, or the table says why not', (name, feature) => {
    const apiRoles = [...(routes.get(feature.api)?.roles ?? [])].sort();
    const pageRoles = [...feature.roles].sort();
    if (WIDER_API[name]) expect(apiRoles).not.toEqual(pageRoles);
    else expect({ name, roles: pageRoles }).toEqual({ name, roles: apiRoles });
  });

  it('lands every role on a page it may use', () => {
    for (const role of ROLES)
      expect({ role, ok: canUseFeature(role, LANDING_FEATURE[role]) }).toEqual({ role, ok: true });
  });
});
