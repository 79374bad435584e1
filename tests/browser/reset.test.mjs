// Drives `rekey demo` in Debian's Chromium at phone and desktop widths through a complete
// reset and the main failure paths (wrong code, weak password, lockout, helpdesk), in
// English and in Arabic (right to left), with the keyboard alone, and runs axe-core
// (WCAG 2.1 A/AA) on every page state. Screenshots go to tests/browser/artifacts/.
// Run by scripts/test.sh.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromium } from "playwright-core";

const BIN = process.env.REKEY_BIN ?? new URL("../../target/debug/rekey", import.meta.url).pathname;
const PORT = 18000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const AXE = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
mkdirSync("artifacts", { recursive: true });
// A fresh demo state each run: the store remembers resets, lockouts and rate limits.
rmSync("var-demo", { recursive: true, force: true });
mkdirSync("var-demo", { recursive: true });

const demo = spawn(BIN, ["demo", "--listen", `127.0.0.1:${PORT}`], {
  cwd: "var-demo",
  stdio: "ignore",
  // Every test here comes from one address; the per-address limit is not under test.
  env: { ...process.env, REKEY_SECURITY__REQUESTS_PER_ADDRESS_PER_MINUTE: "10000" },
});
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
  // Nothing sideways: a page wider than the phone hides text off screen (WCAG 1.4.10).
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= page.viewportSize().width, `${name} is ${width}px wide`);
  states.push(name);
}
const states = [];

async function shot(page, name) {
  await page.screenshot({ path: `artifacts/${name}.png`, fullPage: true });
}

/** The newest code sent to `address`, read from the demo outbox. */
async function codeFor(address, notThis = null) {
  for (let i = 0; i < 50; i++) {
    const html = await (await fetch(`${BASE}/demo/outbox`)).text();
    const at = html.indexOf(`email to ${address}`);
    if (at >= 0) {
      const m = html.slice(at).match(/(?<!\d)(\d{8})(?!\d)/);
      if (m && m[1] !== notThis) return m[1];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code for ${address}`);
}

/** From the start page to a code on its way to the first contact method. */
async function requestCode(page, user) {
  await page.goto(`${BASE}/`);
  await page.fill("#username", user);
  await page.click("button[type=submit]");
  await page.click("#method");
  await page.waitForSelector("#code");
}

/** Types a code into the code page; the page sends itself once all digits are in. */
async function enterCode(page, code, how = "fill") {
  await page.waitForSelector("#code");
  // The auto-submit script is deferred: wait until it runs, as a person reading a message would.
  await page.waitForLoadState("load");
  const typing = how === "keyboard" ? page.keyboard.type(code) : page.fill("#code", code);
  await Promise.all([page.waitForNavigation(), typing]);
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
after(async () => {
  await browser.close();
  demo.kill();
  console.log(`axe ran on ${states.length} page states with zero violations`);
});
await up();

for (const [label, viewport, user, inbox] of [
  ["phone", PHONE, "alex.wilber@contoso.com", "alex.wilber@outlook.com"],
  ["desktop", DESKTOP, "lee.gu@contoso.com", "lee.gu@proton.me"],
]) {
  test(`a complete reset at ${label} width, with axe on every page`, async () => {
    const page = await browser.newPage({ viewport });
    // An action is one tap, or one field typed into (a keystroke group).
    let actions = 0;
    await page.goto(`${BASE}/`);
    await axe(page, `${label} start`);
    await shot(page, `${label}-1-start`);
    await page.fill("#username", user); actions++;
    await page.click("button[type=submit]"); actions++;
    await page.waitForURL(`${BASE}/reset`);
    assert.match(await page.textContent(".progress"), /Step 2 of 3/);
    await axe(page, `${label} methods`);
    await shot(page, `${label}-2-methods`);
    await page.click("text=Send code"); actions++;
    await page.waitForSelector("#code");
    await axe(page, `${label} code`);
    await shot(page, `${label}-3-code`);
    const code = await codeFor(inbox);

    // A wrong code: the summary takes focus and links to the field.
    await enterCode(page, "00000000");
    await page.waitForSelector(".error-summary");
    assert.equal(await focusedId(page), "error-summary");
    assert.equal(await page.getAttribute(".error-summary a", "href"), "#code");
    await axe(page, `${label} wrong code`);
    await shot(page, `${label}-3b-wrong-code`);

    // The right code submits itself once all digits are in.
    await enterCode(page, code); actions++;
    await page.waitForSelector("#password");
    await axe(page, `${label} password`);
    assert.equal(await page.getAttribute("#password", "autocomplete"), "new-password");
    assert.equal(await page.inputValue("input[autocomplete=username]"), user);

    // Live feedback while typing, then the server's reasons for a weak password.
    await page.fill("#password", "summer2024");
    await page.waitForSelector("#meter ul li");
    await axe(page, `${label} password with meter`);
    await shot(page, `${label}-4-meter`);
    await page.click("text=Set new password");
    await page.waitForSelector(".error-summary .reasons li");
    assert.equal(await focusedId(page), "error-summary");
    await axe(page, `${label} weak password refused`);
    await shot(page, `${label}-4b-weak-password`);

    // Show/hide toggle.
    await page.fill("#password", `Orchard-Lantern-Velvet-${label.length}7`);
    await page.click("#toggle-password");
    assert.equal(await page.getAttribute("#password", "type"), "text");
    await page.click("#toggle-password");
    assert.equal(await page.getAttribute("#password", "type"), "password");
    actions++; // typing the good password: one keystroke group
    await page.click("text=Set new password"); actions++;
    await page.waitForSelector("text=Your password has been changed");
    await axe(page, `${label} done`);
    await shot(page, `${label}-5-done`);
    await page.click("text=Check my devices");
    await axe(page, `${label} devices`);
    await shot(page, `${label}-6-devices`);
    await page.goto(`${BASE}/reset/guide`);
    await axe(page, `${label} guide`);
    console.log(`${label}: ${actions} actions from the landing page to the done page`);
    assert.ok(actions <= 6, `${actions} actions`);
    await page.close();
  });
}

test("the helpdesk page for a privileged account passes axe", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await requestCode(page, "megan.admin@contoso.com");
  const code = await codeFor("megan.b@outlook.com");
  await enterCode(page, code);
  await page.fill("#password", "Granite-Pelican-Harbour-88");
  await page.click("text=Set new password");
  await page.waitForSelector("text=Please contact the helpdesk");
  assert.ok((await page.content()).includes("tel:+1 555 0100"), "the helpdesk's number is on the page");
  await axe(page, "helpdesk");
  await shot(page, "phone-7-helpdesk");
  await page.goto(`${BASE}/demo/outbox`);
  await axe(page, "demo outbox");
  await page.goto(`${BASE}/no-such-page?lang=ja`);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await axe(page, "not-found page in Japanese");
  await shot(page, "phone-9-not-found-ja");
  await page.close();
});

test("wrong codes lead to the lockout page, which passes axe", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await requestCode(page, "grady.archie@contoso.com");
  let locked = false;
  for (let i = 0; i < 16 && !locked; i++) {
    await enterCode(page, String(10000000 + i));
    const html = await page.content();
    locked = html.includes("Too many wrong codes");
    if (!locked && html.includes("expired or was already used")) {
      await Promise.all([page.waitForNavigation(), page.click("button:has-text('Send a new code')")]);
    }
  }
  assert.ok(locked, "the account was locked");
  await axe(page, "lockout");
  await shot(page, "phone-8-locked");
  await page.close();
});

test("in Arabic the whole flow is right to left and passes axe", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${BASE}/?lang=ar`);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await axe(page, "ar start");
  await shot(page, "phone-ar-1-start");
  await page.fill("#username", "pradeep.gupta@contoso.com");
  await page.click("button[type=submit]");
  await page.waitForURL(`${BASE}/reset`);
  assert.equal(await page.getAttribute("html", "lang"), "ar", "the choice is kept mid-flow");
  await axe(page, "ar methods");
  await page.click("#method");
  await page.waitForSelector("#code");
  await axe(page, "ar code");
  const code = await codeFor("pradeep@orange.fr");
  await enterCode(page, code);
  await page.waitForSelector("#password");
  await page.fill("#password", "123");
  await page.waitForSelector("#meter ul li");
  await axe(page, "ar password");
  await shot(page, "phone-ar-4-password");
  await page.fill("#password", "Quartz-Meadow-Ferry-Compass-4");
  await page.click("#password-form button[type=submit]");
  await page.waitForSelector("#main .success");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await axe(page, "ar done");
  await shot(page, "phone-ar-5-done");
  await page.close();
});

test("keyboard only: the full flow with Tab, typing and Enter", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${BASE}/`);
  const tabTo = async (id) => {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if ((await focusedId(page)) === id) return;
    }
    throw new Error(`Tab never reached #${id}`);
  };
  await tabTo("username");
  await page.keyboard.type("adele.vance@contoso.com");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${BASE}/reset`);
  assert.ok((await page.content()).includes("Where should we send a code?"));
  await tabTo("method");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#code");
  assert.equal(await focusedId(page), "code", "the code field has focus on arrival");
  const code = await codeFor("adele.v@gmail.com");
  await enterCode(page, code, "keyboard");
  await page.waitForSelector("#password");
  await tabTo("password");
  await page.keyboard.type("Lichen-Tugboat-Sonnet-Ember-5");
  await page.keyboard.press("Enter");
  await page.waitForSelector("text=Your password has been changed");
  await axe(page, "keyboard done");
  await page.close();
});

test("at 200 % zoom of a 1280 px window, pages reflow without sideways scrolling", async () => {
  // 1280 × 900 at 200 % zoom is a 640 × 450 CSS-pixel viewport at twice the density.
  const page = await browser.newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  for (const path of ["/", "/reset/guide", "/?lang=de", "/?lang=ar", "/demo/outbox"]) {
    await page.goto(`${BASE}${path}`);
    await axe(page, `200 % zoom ${path}`);
  }
  await shot(page, "zoom-200-start");
  await page.close();
});

test("with JavaScript off, a reset still completes", async () => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await requestCode(page, "johanna.lorenz@contoso.com");
  await page.fill("#code", await codeFor("johanna@gmx.de"));
  await page.click("#code-form button[type=submit]");
  await page.waitForSelector("#password");
  assert.ok(await page.isHidden("#toggle-password"), "the toggle needs script, so it stays hidden");
  await page.fill("#password", "Saffron-Glacier-Tandem-Oboe-3");
  await page.click("#password-form button[type=submit]");
  await page.waitForSelector("text=Your password has been changed");
  await shot(page, "phone-nojs-done");
  await context.close();
});
