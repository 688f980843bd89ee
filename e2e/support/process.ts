import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A command run as a user would in a terminal (its own process group, so Ctrl-C reaches all of it). */
export interface RunningCommand {
  child: ChildProcess;
  output: () => string;
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  /** The exit code, or the name of the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Sends SIGINT to the whole process group, as Ctrl-C in a terminal does. */
  interrupt: () => void;
}

/** Starts `command args` in `cwd` with extra environment variables. */
export function startCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): RunningCommand {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  let closed = false;
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const check of waiters) check();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  // "close", not "exit": npm and sh may end before the app they started has finished shutting down; the
  // pipes close only when every process of the command has let go of them.
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("close", (code, signal) => {
      closed = true;
      resolve(code ?? signal);
    }),
  );
  return {
    child,
    output: () => text,
    exited,
    interrupt: () => {
      if (!child.pid || closed) return;
      try {
        process.kill(-child.pid, "SIGINT");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    },
    waitForOutput: (pattern, timeoutMs = 90_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${pattern} in output:\n${text}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then(() => {
          if (!pattern.test(text)) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`Process exited before ${pattern} appeared:\n${text}`));
          }
        });
        check();
      }),
  };
}

/** Polls `url` until it answers 200 or the time runs out. */
export async function waitForHttp(url: string, timeoutMs = 90_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time: ${String(lastError)}`);
}
