/** A background job: a name, how often it runs, and the work of one run. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** A running scheduler; `stop` waits for the runs in progress to end. */
export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs each job every `everyMs` in this process, never two runs of the same job at once here. Jobs are
 * written to be safe when several instances run them together (each unit of work is claimed in the
 * database), so no instance needs to be elected. A failed run is reported and the next one goes on.
 */
export function startScheduler({ jobs, onError }: { jobs: readonly Job[]; onError: (job: string, error: unknown) => void }): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const timers = jobs.map((job) => {
    const tick = () => {
      if (stopped || running.has(job.name)) return;
      const run = job
        .run()
        .catch((error: unknown) => onError(job.name, error))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    };
    // A first run soon after start, then at the job's pace.
    const first = setTimeout(tick, Math.min(5_000, job.everyMs));
    const every = setInterval(tick, job.everyMs);
    return { first, every };
  });
  return {
    async stop() {
      stopped = true;
      for (const { first, every } of timers) {
        clearTimeout(first);
        clearInterval(every);
      }
      await Promise.allSettled(running.values());
    },
  };
}
