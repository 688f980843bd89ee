import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { liveUrl, type ProjectorState } from "../features/forums/api";
import { useLiveState } from "../features/forums/hooks/useLiveState";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/**
 * `/forums/:id/projector`: the room's screen — full screen, large type, high contrast, Vietnamese. The
 * opinion being discussed and the queue by supports, updated live; no personal data ever reaches it.
 */
export function ForumProjectorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { state, connected } = useLiveState<ProjectorState>(liveUrl(id, "public"));
  useDocumentTitle(state?.title ?? t("forums.projector.title"), t("app.name"));
  return (
    <main className="projector" lang="vi" id="main-content" tabIndex={-1}>
      <header className="projector__header">
        <p className="projector__kicker">{t("forums.projector.kicker")}</p>
        <h1>{state?.title ?? t("common.loading")}</h1>
        {!connected && <p role="status">{t("forums.projector.reconnecting")}</p>}
      </header>
      <section aria-labelledby="projector-now" className="projector__now" data-testid="projector-current">
        <h2 id="projector-now">{t("forums.projector.now")}</h2>
        {state?.current ? (
          <>
            <p className="projector__text" aria-live="polite">
              {state.current.text}
            </p>
            <p className="projector__support">{t("forums.projector.supports", { count: state.current.supportCount })}</p>
          </>
        ) : (
          <p className="projector__text">{t("forums.projector.none")}</p>
        )}
      </section>
      <section aria-labelledby="projector-latest" className="projector__queue">
        <h2 id="projector-latest">{t("forums.projector.latest")}</h2>
        <ol data-testid="projector-latest">
          {state?.latest
            .filter((item) => item.id !== state.current?.id)
            .map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
        </ol>
      </section>
      <section aria-labelledby="projector-queue" className="projector__queue">
        <h2 id="projector-queue">{t("forums.projector.queue")}</h2>
        <ol data-testid="projector-queue">
          {state?.queue.map((item) => (
            <li key={item.id}>
              <span className="projector__count">+{item.supportCount}</span> {item.text}
            </li>
          ))}
        </ol>
        <p>{t("forums.projector.counts", { shown: state?.shownCount ?? 0, onSpot: state?.onSpotCount ?? 0 })}</p>
      </section>
    </main>
  );
}
