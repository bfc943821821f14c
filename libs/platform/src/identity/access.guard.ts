import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@wo/contracts/rest';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import { EVERY_MERCHANT_ONLY, mayAct, PUBLIC_ROUTE, REQUIRED_ROLES } from './access-policy';
import { authenticate } from './authenticate';
import { everyMerchantOnly, forbidden } from './identity-problems';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** Where the guard leaves the verified principal for the handler (`@CurrentPrincipal()`). */
export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Every HTTP route of every service: a verified bearer token, and one of the roles the route
 * declares (`@RequireRole`), unless the route is `@Public()`. Kafka handlers are not HTTP and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await authenticate(this.verifier, request.headers.authorization);
    if (principal instanceof ProblemException) throw principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (!mayAct(principal, required)) throw forbidden(required);
    if (principal.merchantIds !== 'all' && this.reflector.getAllAndOverride<boolean>(EVERY_MERCHANT_ONLY, targets)) throw everyMerchantOnly();
    request.principal = principal;
    return true;
  }
}
