export * from './login-delay';
export * from './password-policy';
