export const ROLES = ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles held by users of a customer account. */
export const CUSTOMER_ROLES = ['buyer', 'approver'] as const satisfies readonly Role[];
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** Roles held by the distributor's own staff. */
export const INTERNAL_ROLES = [
  'account_manager',
  'warehouse',
  'manager',
  'admin',
] as const satisfies readonly Role[];
export type InternalRole = (typeof INTERNAL_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  accountId: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Exchange at `POST /api/auth/refresh` for a new pair; single use. */
  refreshToken: string;
  user: User;
}

export interface RefreshRequest {
  refreshToken: string;
}

/**
 * `POST /api/auth/set-password` (public): the token from an invitation's
 * link and the new password. Answers a session like a sign-in.
 */
export interface SetPasswordRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** What `GET /api/users` sorts by; the default is `name` ascending. */
export const USER_SORT_FIELDS = ['name', 'email', 'role', 'active'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
