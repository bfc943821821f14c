export * from './access-policy';
export * from './access.guard';
export * from './authenticate';
export * from './current-principal.decorator';
export * from './identity-problems';
export * from './principal';
export * from './token-verifier';
export * from './merchant-scope';
