/**
 * The public portal's routes, mounted by App.tsx outside `RequireAuth`: nothing here needs a session, and the
 * server's `/api/public/*` routes never answer 401, so a visitor is never sent to the login page.
 */
import { lazy } from 'react';
import { Route } from 'react-router';

const PublicLayout = lazy(() => import('./PublicLayout'));
const PublicHomePage = lazy(() => import('./PublicHomePage'));
const WhitelistPage = lazy(() => import('./WhitelistPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const ObjectionPage = lazy(() => import('./ObjectionPage'));
const VerifyPage = lazy(() => import('./VerifyPage'));
const PublicNotFoundPage = lazy(() => import('./PublicNotFoundPage'));

export const publicRoutes = (
  <Route path="/public" element={<PublicLayout />}>
    <Route index element={<PublicHomePage />} />
    <Route path="whitelist" element={<WhitelistPage />} />
    <Route path="notices" element={<NoticesPage />} />
    <Route path="notices/:id/object" element={<ObjectionPage />} />
    <Route path="verify" element={<VerifyPage />} />
    <Route path="*" element={<PublicNotFoundPage />} />
  </Route>
);
