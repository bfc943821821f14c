import { BrowserRouter } from 'react-router';
import { AppProviders } from './provider';
import { AppRoutes } from './router';

/** The console: providers around the routes, all under /console/ as the gateway serves it. */
export function App() {
  return (
    <AppProviders>
      <BrowserRouter basename="/console">
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
