import type { Browser, Page } from "playwright-core";
import { launchBrowser, newDesktopPage, newPhonePage } from "./browser.ts";
import { logInToConsole } from "./console.ts";
import { startProductServer } from "./server.ts";

/** What a browser journey runs against: the product on a fresh database and Debian's Chromium. */
export interface Journey {
  /** The product's address, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The product's database, for checking what was stored. */
  db: Awaited<ReturnType<typeof startProductServer>>["db"];
  browser: Browser;
  /** A new phone-sized page (360 × 740, touch), as a citizen has. */
  phone: () => Promise<Page>;
  /** A new desktop page, as an officer has. */
  desktop: () => Promise<Page>;
  /** A new desktop page with the demo officer `username` logged into the console, on the inbox (on a PC in `timezoneId`, if given). */
  login: (username: string, options?: { timezoneId?: string }) => Promise<Page>;
  /** Closes the browser (every page in it), then the server and its database. */
  close: () => Promise<void>;
}

/**
 * Starts the whole product on a fresh in-memory database with the demo data and launches Chromium;
 * a test file calls it in `beforeAll` and closes it in `afterAll`.
 */
export async function startJourney(): Promise<Journey> {
  const server = await startProductServer();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    baseUrl: server.url,
    db: server.db,
    browser,
    phone: () => newPhonePage(browser),
    desktop: () => newDesktopPage(browser),
    login: async (username, options) => {
      const page = await newDesktopPage(browser, options);
      await logInToConsole(page, server.url, username);
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
