import { computed, inject, type Signal } from '@angular/core';
import { canUseFeature } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';

/**
 * Whether the signed-in user buys (the warehouse, admins) rather than only
 * reads purchasing (managers): the write buttons show for them only.
 * Call in an injection context.
 */
export function injectCanPurchase(): Signal<boolean> {
  const auth = inject(AuthService);
  return computed(() => {
    const role = auth.user()?.role;
    return !!role && canUseFeature(role, 'newPurchaseOrder');
  });
}
