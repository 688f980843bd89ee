import { useCallback, useEffect, useState } from "react";
import type { AnswerValue } from "../api";

/** A citizen's progress through one unit's survey, kept in this browser so a reload loses nothing. */
export interface SurveyProgress {
  /** Generated once in the browser: the server stores a response once per key, so resending is safe. */
  clientKey: string;
  step: number;
  answers: Record<string, AnswerValue>;
  code: string;
  hasConsent: boolean;
  attributes: Record<string, string>;
  isDone: boolean;
}

const storageKey = (campaignId: string, unitId: string) => `langnghe.survey.${campaignId}.${unitId}`;

function fresh(): SurveyProgress {
  return { clientKey: crypto.randomUUID(), step: 0, answers: {}, code: "", hasConsent: false, attributes: {}, isDone: false };
}

function load(key: string): SurveyProgress {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored) return { ...fresh(), ...(JSON.parse(stored) as Partial<SurveyProgress>) };
  } catch {
    // Blocked or corrupt storage: start afresh (the answers then live only in this page).
  }
  return fresh();
}

/** The saved progress of a survey and a function to update it (saved on every change). */
export function useSurveyProgress(campaignId: string, unitId: string) {
  const key = storageKey(campaignId, unitId);
  const [progress, setProgress] = useState<SurveyProgress>(() => load(key));
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(progress));
    } catch {
      // Storage full or blocked: progress stays in memory.
    }
  }, [key, progress]);
  const update = useCallback((change: Partial<SurveyProgress>) => setProgress((p) => ({ ...p, ...change })), []);
  return { progress, update };
}
