import { lazy, Suspense } from "react";
import { Outlet, Route, Routes } from "react-router";
import { RequireOfficer } from "../features/auth/components/RequireOfficer";
import { NotFoundPage } from "../pages/NotFoundPage";
import { SubmitOpinionPage } from "../pages/SubmitOpinionPage";
import { TrackOpinionPage } from "../pages/TrackOpinionPage";
import { AppLayout } from "./AppLayout";

// Officer pages load on demand: a citizen on a phone never downloads the console.
const LoginPage = lazy(() => import("../pages/LoginPage").then((module) => ({ default: module.LoginPage })));
const ConsoleInboxPage = lazy(() =>
  import("../pages/ConsoleInboxPage").then((module) => ({ default: module.ConsoleInboxPage })),
);
const PublicUnitsPage = lazy(() => import("../pages/PublicUnitsPage").then((module) => ({ default: module.PublicUnitsPage })));
const PublicUnitPage = lazy(() => import("../pages/PublicUnitPage").then((module) => ({ default: module.PublicUnitPage })));
const ConsoleEntryPage = lazy(() =>
  import("../pages/ConsoleEntryPage").then((module) => ({ default: module.ConsoleEntryPage })),
);
const ConsoleImportPage = lazy(() => import("../pages/ConsoleImportPage").then((module) => ({ default: module.ConsoleImportPage })));
const ConsoleOpinionPage = lazy(() =>
  import("../pages/ConsoleOpinionPage").then((module) => ({ default: module.ConsoleOpinionPage })),
);

// Forums: the phone page, the projector (full screen, outside the layout) and the console's screens.
const PublicForumPage = lazy(() => import("../pages/PublicForumPage").then((module) => ({ default: module.PublicForumPage })));
const ForumProjectorPage = lazy(() => import("../pages/ForumProjectorPage").then((module) => ({ default: module.ForumProjectorPage })));
const ConsoleForumsPage = lazy(() => import("../pages/ConsoleForumsPage").then((module) => ({ default: module.ConsoleForumsPage })));
const ConsoleForumPage = lazy(() => import("../pages/ConsoleForumPage").then((module) => ({ default: module.ConsoleForumPage })));
const SurveyPage = lazy(() => import("../pages/SurveyPage").then((module) => ({ default: module.SurveyPage })));
const SurveyResultsPage = lazy(() => import("../pages/SurveyResultsPage").then((module) => ({ default: module.SurveyResultsPage })));
const ConsoleSurveysPage = lazy(() => import("../pages/ConsoleSurveysPage").then((module) => ({ default: module.ConsoleSurveysPage })));
const ConsoleSatisfactionPage = lazy(() =>
  import("../pages/ConsoleSatisfactionPage").then((module) => ({ default: module.ConsoleSatisfactionPage })),
);

/** Every route of the web app. */
export function AppRouter() {
  return (
    <Routes>
      <Route
        path="forums/:id/projector"
        element={
          <Suspense fallback={null}>
            <ForumProjectorPage />
          </Suspense>
        }
      />
      <Route element={<AppLayout />}>
        <Route path="forums/:id" element={<PublicForumPage />} />
        <Route index element={<SubmitOpinionPage />} />
        <Route path="track" element={<TrackOpinionPage />} />
        <Route path="track/:code" element={<TrackOpinionPage />} />
        <Route path="units" element={<PublicUnitsPage />} />
        <Route path="units/:unitId" element={<PublicUnitPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="s/:campaignId/results" element={<SurveyResultsPage />} />
        <Route path="s/:campaignId/:unitId" element={<SurveyPage />} />
        <Route
          path="console"
          element={
            <RequireOfficer>
              <Outlet />
            </RequireOfficer>
          }
        >
          <Route index element={<ConsoleInboxPage />} />
          <Route path="opinions/:id" element={<ConsoleOpinionPage />} />
          <Route path="entry" element={<ConsoleEntryPage />} />
          <Route path="import" element={<ConsoleImportPage />} />
          <Route path="forums" element={<ConsoleForumsPage />} />
          <Route path="forums/:id" element={<ConsoleForumPage />} />
          <Route path="surveys" element={<ConsoleSurveysPage />} />
          <Route path="satisfaction" element={<ConsoleSatisfactionPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
