import { lazy } from "react";
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
      <Route element={<AppLayout />}>
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
          <Route path="surveys" element={<ConsoleSurveysPage />} />
          <Route path="satisfaction" element={<ConsoleSatisfactionPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
