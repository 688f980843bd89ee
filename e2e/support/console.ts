import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "./server.ts";

/** Logs a demo officer into the console through the login page, as a person would, and waits for the inbox. */
export async function logInToConsole(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("inbox-table").waitFor();
}
