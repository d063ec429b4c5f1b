import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ChangePasswordPage } from '../modules/identity/ChangePasswordPage';
import { LoginPage } from '../modules/identity/LoginPage';
import { useAuth } from './auth';
import { Home } from './Home';
import { Shell } from './Shell';

const OrgsPage = lazy(() => import('../modules/identity/OrgsPage'));
const UsersPage = lazy(() => import('../modules/identity/UsersPage'));
const RolesPage = lazy(() => import('../modules/identity/RolesPage'));
const LoginEventsPage = lazy(() => import('../modules/identity/LoginEventsPage'));
const AuditEventsPage = lazy(() => import('../modules/identity/AuditEventsPage'));
const DictionaryPage = lazy(() => import('../modules/dictionary/DictionaryPage'));
const CalendarPage = lazy(() => import('../modules/calendar/CalendarPage'));
const StandardsPage = lazy(() => import('../modules/standards/StandardsPage'));
const BatchesPage = lazy(() => import('../modules/aggregation/BatchesPage'));
const CoveragePage = lazy(() => import('../modules/aggregation/CoveragePage'));
const RecordsPage = lazy(() => import('../modules/aggregation/RecordsPage'));
const LedgerLogsPage = lazy(() => import('../modules/ledger/LogsPage'));
const LedgerLogPage = lazy(() => import('../modules/ledger/LogPage'));
const LawsPage = lazy(() => import('../modules/laws/LawsPage'));
const LawPage = lazy(() => import('../modules/laws/LawPage'));
const LawSearchPage = lazy(() => import('../modules/laws/SearchPage'));
const PowerListPage = lazy(() => import('../modules/power-list/PowerListPage'));
const EnforcementSubjectsPage = lazy(() => import('../modules/enforcement/SubjectsPage'));
const EnforcementOfficersPage = lazy(() => import('../modules/enforcement/OfficersPage'));
const EnforcementCasesPage = lazy(() => import('../modules/enforcement/cases/CasesPage'));
const SharingCatalogPage = lazy(() => import('../modules/sharing/CatalogPage'));
const SharingRequestsPage = lazy(() => import('../modules/sharing/RequestsPage'));
const SharingConsumersPage = lazy(() => import('../modules/sharing/ConsumersPage'));
const SharingGrantsPage = lazy(() => import('../modules/sharing/GrantsPage'));
const SharingStatsPage = lazy(() => import('../modules/sharing/StatsPage'));
const SubjectLogPage = lazy(() => import('../modules/sharing/SubjectLogPage'));

function Loading() {
  return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
}

/** Signed-in users only; a user whose password must change sees nothing else until it is changed. */
function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <ChangePasswordPage forced />;
  return children;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) {
    return <Result status="403" title="无权访问" subTitle="您没有访问该页面的权限，如需使用请联系系统管理员。" />;
  }
  return children;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Link to="/">
          <Button>返回首页</Button>
        </Link>
      }
    />
  );
}

const guarded: { path: string; permission: string; page: ReactNode }[] = [
  { path: 'orgs', permission: 'menu:orgs', page: <OrgsPage /> },
  { path: 'users', permission: 'menu:users', page: <UsersPage /> },
  { path: 'roles', permission: 'menu:roles', page: <RolesPage /> },
  { path: 'login-events', permission: 'menu:login-events', page: <LoginEventsPage /> },
  { path: 'audit-events', permission: 'menu:audit-events', page: <AuditEventsPage /> },
  { path: 'dictionary', permission: 'menu:dictionary', page: <DictionaryPage /> },
  { path: 'calendar', permission: 'menu:calendar', page: <CalendarPage /> },
  { path: 'standards', permission: 'menu:standards', page: <StandardsPage /> },
  { path: 'aggregation', permission: 'menu:aggregation', page: <BatchesPage /> },
  { path: 'aggregation/records', permission: 'menu:aggregation', page: <RecordsPage /> },
  { path: 'aggregation/coverage', permission: 'menu:aggregation', page: <CoveragePage /> },
  { path: 'ledger', permission: 'menu:ledger', page: <LedgerLogsPage /> },
  { path: 'ledger/:name', permission: 'menu:ledger', page: <LedgerLogPage /> },
  { path: 'laws', permission: 'menu:laws', page: <LawsPage /> },
  // Law and element ids hold '/': they travel as ?id= (and ?el=), not in the path.
  { path: 'laws/view', permission: 'menu:laws', page: <LawPage /> },
  { path: 'laws/search', permission: 'menu:laws', page: <LawSearchPage /> },
  { path: 'power-list', permission: 'menu:power-list', page: <PowerListPage /> },
  { path: 'enforcement/subjects', permission: 'menu:enforcement', page: <EnforcementSubjectsPage /> },
  { path: 'enforcement/officers', permission: 'menu:enforcement', page: <EnforcementOfficersPage /> },
  { path: 'enforcement/cases', permission: 'menu:cases', page: <EnforcementCasesPage /> },
  { path: 'sharing', permission: 'menu:sharing', page: <Navigate to="/sharing/resources" replace /> },
  { path: 'sharing/resources', permission: 'menu:sharing', page: <SharingCatalogPage /> },
  { path: 'sharing/requests', permission: 'menu:sharing', page: <SharingRequestsPage /> },
  { path: 'sharing/consumers', permission: 'menu:sharing', page: <SharingConsumersPage /> },
  { path: 'sharing/grants', permission: 'menu:sharing', page: <SharingGrantsPage /> },
  { path: 'sharing/stats', permission: 'menu:sharing', page: <SharingStatsPage /> },
  { path: 'sharing/subject-log', permission: 'sharing:subject-log', page: <SubjectLogPage /> },
];

export function AppRoutes() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <Shell />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route path="password" element={<ChangePasswordPage />} />
          {guarded.map((r) => (
            <Route key={r.path} path={r.path} element={<RequirePermission permission={r.permission}>{r.page}</RequirePermission>} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
