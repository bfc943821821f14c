import { createContext, useContext } from 'react';
import type { ConsolePrincipal } from './principal';

/** The signed-in user as the screens see them, and how they leave. */
export interface AuthState {
  readonly principal: ConsolePrincipal;
  readonly logout: () => void;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user, or null outside the sign-in gate (tests render with one of their own). */
export function useAuth(): AuthState | null {
  return useContext(AuthContext);
}
