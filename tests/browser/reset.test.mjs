// Drives `rekey demo` in Debian's Chromium at phone and desktop widths through a complete
// reset and the main failure paths, runs axe-core (WCAG 2.1 A/AA) on every page state, and
// writes screenshots to tests/browser/artifacts/. Run by scripts/test.sh.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromium } from "playwright-core";

const BIN = process.env.REKEY_BIN ?? new URL("../../target/debug/rekey", import.meta.url).pathname;
const PORT = 18000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const AXE = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
mkdirSync("artifacts", { recursive: true });
// A fresh demo state each run: the store remembers resets and rate limits.
rmSync("var-demo", { recursive: true, force: true });
mkdirSync("var-demo", { recursive: true });

const demo = spawn(BIN, ["demo", "--listen", `127.0.0.1:${PORT}`], { cwd: "var-demo", stdio: "ignore" });
// Both the child and the browser keep the event loop alive: without closing them here the
// test runner waits for ever after the last test (it did, in CI).
process.on("exit", () => demo.kill("SIGKILL"));

async function up() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the demo did not start");
}

async function axe(page, name) {
  // Evaluated over the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
  assert.deepEqual(problems, [], `axe on ${name}`);
}

async function codeFor(address) {
  for (let i = 0; i < 50; i++) {
    const html = await (await fetch(`${BASE}/demo/outbox`)).text();
    const at = html.indexOf(`email to ${address}`);
    if (at >= 0) {
      const m = html.slice(at).match(/code is:\s+(\d{8})/);
      if (m) return m[1];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code for ${address}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
after(async () => {
  await browser.close();
  demo.kill();
});
await up();

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]]) {
  test(`a complete reset at ${label} width, with axe on every page`, async () => {
    const page = await browser.newPage({ viewport });
    let actions = 0;
    await page.goto(`${BASE}/`);
    await axe(page, "start");
    await page.screenshot({ path: `artifacts/${label}-1-start.png`, fullPage: true });
    await page.fill("#username", "alex.wilber@contoso.com"); actions++;
    await page.click("button[type=submit]"); actions++;
    await page.waitForURL(`${BASE}/reset`);
    await axe(page, "methods");
    await page.screenshot({ path: `artifacts/${label}-2-methods.png`, fullPage: true });
    await page.click("text=Send code"); actions++;
    await page.waitForSelector("#code");
    await axe(page, "code");
    await page.screenshot({ path: `artifacts/${label}-3-code.png`, fullPage: true });
    const code = await codeFor("alex.wilber@outlook.com");
    await page.fill("#code", "00000000");
    await page.click("text=Verify");
    await page.waitForSelector(".error-summary");
    await axe(page, "wrong code");
    await page.fill("#code", code); actions++;
    await page.click("text=Verify"); actions++;
    await page.waitForSelector("#password");
    await axe(page, "password");
    await page.fill("#password", "short");
    await page.waitForSelector("#meter ul li");
    await page.screenshot({ path: `artifacts/${label}-4-meter.png`, fullPage: true });
    const pw = `Orchard-Lantern-Velvet-${label.length}7`;
    await page.fill("#password", pw);
    await page.fill("#confirm", pw); actions++;
    await page.click("text=Set new password"); actions++;
    await page.waitForSelector("text=Your password has been changed");
    await axe(page, "done");
    await page.screenshot({ path: `artifacts/${label}-5-done.png`, fullPage: true });
    await page.click("text=Check my devices");
    await axe(page, "devices");
    console.log(`${label}: ${actions} actions from the landing page to the done page`);
    assert.ok(actions <= 7, `${actions} actions`);
    await page.close();
  });
}

test("the helpdesk page for a privileged account passes axe", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/`);
  await page.fill("#username", "megan.admin@contoso.com");
  await page.click("button[type=submit]");
  await page.click("text=Send code");
  const code = await codeFor("megan.b@outlook.com");
  await page.fill("#code", code);
  await page.click("text=Verify");
  await page.fill("#password", "Granite-Pelican-Harbour-88");
  await page.fill("#confirm", "Granite-Pelican-Harbour-88");
  await page.click("text=Set new password");
  await page.waitForSelector("text=Please contact the helpdesk");
  await axe(page, "helpdesk");
  await page.screenshot({ path: "artifacts/phone-helpdesk.png", fullPage: true });
  await page.close();
});

test("keyboard only: the start form submits with Tab and Enter", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/`);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "username")) break;
  }
  await page.keyboard.type("adele.vance@contoso.com");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${BASE}/reset`);
  assert.ok((await page.content()).includes("Where should we send a code?"));
  await page.close();
});
