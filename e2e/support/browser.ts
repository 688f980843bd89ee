import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Where the journeys leave their screenshots (looked at by people; the README's come from here). */
export const SCREENSHOT_DIR = "test-results/screenshots";

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** A phone-sized page (360 × 740, touch), as a citizen on a cheap phone has. */
export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  return context.newPage();
}

/** A desktop page, as an officer has; `timezoneId` sets the PC's time zone (Vietnam's unless told). */
export async function newDesktopPage(browser: Browser, { timezoneId = "Asia/Ho_Chi_Minh" }: { timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "vi-VN",
    timezoneId,
  });
  return context.newPage();
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core on the page and fails with the list of WCAG 2.1 A/AA violations, if any. */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Runs in the page: `axe` and `document` are the page's globals.
    const page = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<AxeResult> };
      document: unknown;
    };
    const result = await page.axe.run(page.document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Saves a full-page screenshot under SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Picks a file through the labelled picker as a person does: its button opens the file chooser, which gets the file. */
export async function chooseFile(page: Page, label: string | RegExp, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByLabel(label).click()]);
  await chooser.setFiles(file);
}
