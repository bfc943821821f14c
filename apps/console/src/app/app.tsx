import { BrowserRouter } from 'react-router';
import { AuthGate } from '../features/auth/auth-gate';
import { createAuthSession, loadAuthConfig } from '../features/auth/auth-session';
import { AppProviders } from './provider';
import { AppRoutes } from './router';

/** Read once at start-up: where to sign in (GET /auth/config, public). */
const session = loadAuthConfig().then((config) => createAuthSession(config));

/** The console: providers around the sign-in gate and the routes, all under /console/ as the gateway serves it. */
export function App() {
  return (
    <AppProviders>
      <AuthGate session={session}>
        <BrowserRouter basename="/console">
          <AppRoutes />
        </BrowserRouter>
      </AuthGate>
    </AppProviders>
  );
}
