// Drives Debian's Chromium (playwright-core, no downloaded browser) against a real hub's /console while real
// `parler` processes talk. Started by ConsoleBrowserTests with the hub, the agents' homes and the room in the
// environment; prints each step and exits non-zero on the first failure.
import { execFile } from "node:child_process";
import { strict as assert } from "node:assert";
import { chromium } from "playwright-core";

const env = process.env;
const HUB = env.HUB_URL;
const SHOTS = env.CONSOLE_SCREENSHOTS || "";
const TIMEOUT = 20000;

function parler(home, name, args) {
  return new Promise((resolve) => {
    execFile(env.PARLER_BIN, args, {
      env: { ...process.env, PARLER_HOME: home, PARLER_HUB: HUB, PARLER_NAME: name, NO_COLOR: "1" }, timeout: 60000,
    }, (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }));
  });
}

async function ok(home, name, args) {
  const run = await parler(home, name, args);
  assert.equal(run.code, 0, `parler ${args.join(" ")} failed: ${run.stdout}\n${run.stderr}`);
  return run;
}

const alice = (...args) => ok(env.ALICE_HOME, "alice", args);
const bob = (...args) => ok(env.BOB_HOME, "bob", args);
const step = (text) => console.log(`step: ${text}`);

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-${name}.png` });
}

const rowFor = (page, text) => page.locator("#timeline li.fact", { hasText: text }).last();

async function badgeOf(row) {
  await row.locator(".badge:not(.badge-checking)").waitFor({ timeout: TIMEOUT });
  return row.getAttribute("data-badge");
}

const browser = await chromium.launch({ executablePath: env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
  const page = await context.newPage();
  const problems = [];
  page.on("dialog", (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  step("sign in from parler console --print");
  const link = (await alice("console", "--print")).stdout.trim();
  assert.ok(link.startsWith(`${HUB}/console/signin?code=plc_`), link);
  await page.goto(link);
  assert.equal(page.url(), `${HUB}/console`, "the code leaves the address bar");
  await page.locator("body[data-ready=true]").waitFor({ timeout: TIMEOUT });
  assert.match(await page.locator("#who").textContent(), /signed in as alice/);
  const cookies = await context.cookies();
  const cookie = cookies.find((c) => c.name === "parler_console");
  assert.ok(cookie && cookie.httpOnly && cookie.sameSite === "Strict", JSON.stringify(cookies));
  const headers = (await page.request.get(`${HUB}/console`)).headers();
  assert.match(headers["content-security-policy"], /script-src 'self'/);
  assert.doesNotMatch(headers["content-security-policy"], /unsafe-inline/);

  step("the link works once");
  const again = await (await browser.newContext()).newPage();
  const second = await again.goto(link);
  assert.equal(second.status(), 401);

  step("the room's timeline: the altered fact is chain-broken, the rest verified");
  await page.getByRole("button", { name: /team/ }).click();
  const altered = page.locator(`#timeline li[data-seq="${env.TAMPERED_SEQ}"]`);
  assert.equal(await badgeOf(altered), "chain-broken");
  assert.equal(await badgeOf(rowFor(page, "an honest message")), "verified");

  step("two agents talk through the CLI; each message shows live, verified");
  await bob("send", "--room", "team", "hello from bob, live");
  assert.equal(await badgeOf(rowFor(page, "hello from bob, live")), "verified");
  await alice("send", "--room", "team", "and alice answers");
  assert.equal(await badgeOf(rowFor(page, "and alice answers")), "verified");
  await bob("handoff", "--room", "team", "--for", "alice", "--summary", "review the parser", "--next", "run the tests");
  await page.locator("#handoffs li", { hasText: "review the parser" }).waitFor({ timeout: TIMEOUT });

  step("hostile messages render inert");
  const hostile = [
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned = 2\">",
    "<a href=\"javascript:window.__pwned = 3\">click me</a>",
    "abc\u202Eevil\u2066 reversed",
  ];
  for (const text of hostile) await bob("send", "--room", "team", text);
  for (const text of hostile.slice(0, 3)) {
    const row = rowFor(page, text);
    await row.waitFor({ timeout: TIMEOUT });
    assert.equal(await row.locator(".body").textContent(), text);
    assert.equal(await badgeOf(row), "verified");
  }
  const bidi = rowFor(page, "reversed");
  await bidi.waitFor({ timeout: TIMEOUT });
  assert.equal(await bidi.locator(".body").textContent(), "abc[U+202E]evil[U+2066] reversed");
  for (const row of await page.locator("#timeline li.fact").all()) await row.locator(".badge:not(.badge-checking)").waitFor({ timeout: TIMEOUT });
  await page.locator("#timeline li.fact").getByRole("link").count().then((n) => assert.equal(n, 0));
  assert.equal(await page.locator("#timeline img, #timeline script, #timeline a, #timeline iframe").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, "room");

  step("the audit view of one fact");
  await altered.locator(".audit-button").click();
  const audit = await page.locator("#audit-fields").textContent();
  for (const field of ["actor", "principal", "authority", "hash", "prev"]) assert.ok(audit.includes(field), audit);
  assert.match(audit, /hash checks\s*false/);
  await shot(page, "audit");
  await page.locator("#audit-close").click();

  step("a request without the CSRF token is refused; the cookie works only for the console's calls");
  const refused = await page.evaluate(async (room) => {
    const r = await fetch(`/v1/rooms/${room}/requests/nobody/approve`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    return { status: r.status, code: (await r.json()).code };
  }, env.ROOM_ID);
  assert.deepEqual(refused, { status: 403, code: "csrf_required" });
  const notConsole = await page.evaluate(async (room) => {
    const { csrf } = await (await fetch("/v1/console/session")).json();
    const r = await fetch(`/v1/rooms/${room}/messages`, { method: "POST", headers: { "Content-Type": "application/json", "X-Parler-Csrf": csrf }, body: "{\"body\":\"x\",\"nonce\":\"n\"}" });
    return { status: r.status, code: (await r.json()).code };
  }, env.ROOM_ID);
  assert.deepEqual(notConsole, { status: 403, code: "token_scope" });

  step("Accept on a knock admits the joiner");
  const opened = JSON.parse((await alice("--json", "session", "open", "--topic", "knock-room", "--context", "the context for the joiner")).stdout);
  const knock = await parler(env.CAROL_HOME, "carol", ["session", "join", opened.key]);
  assert.equal(knock.code, 7, `${knock.stdout}\n${knock.stderr}`);
  await page.reload();
  await page.locator("body[data-ready=true]").waitFor({ timeout: TIMEOUT });
  await page.getByRole("button", { name: /knock-room/ }).click();
  const accept = page.getByRole("button", { name: "Accept carol" });
  await accept.waitFor({ timeout: TIMEOUT });
  await shot(page, "knock");
  await accept.click();
  await page.locator("#timeline li.fact", { hasText: "carol was let in" }).waitFor({ timeout: TIMEOUT });
  const joined = await parler(env.CAROL_HOME, "carol", ["session", "join", opened.key]);
  assert.equal(joined.code, 0, `${joined.stdout}\n${joined.stderr}`);
  assert.match(joined.stdout, /the context for the joiner/);

  step("a viewer link reads but cannot act, and stops once revoked");
  const viewer = JSON.parse((await alice("--json", "session", "watch", "--room", "team", "--ttl", "1h")).stdout);
  assert.ok(viewer.viewer_id.startsWith("tvw_"), JSON.stringify(viewer));
  const listed = await alice("session", "viewers");
  assert.match(listed.stdout, new RegExp(viewer.viewer_id));
  const viewerPage = await (await browser.newContext({ viewport: { width: 900, height: 700 } })).newPage();
  viewerPage.on("dialog", (dialog) => { problems.push(`viewer dialog: ${dialog.message()}`); dialog.dismiss(); });
  await viewerPage.goto(viewer.url);
  assert.equal(viewerPage.url(), `${HUB}/console`);
  await viewerPage.locator("body[data-ready=true]").waitFor({ timeout: TIMEOUT });
  assert.match(await viewerPage.locator("#who").textContent(), /read only/);
  assert.equal(await badgeOf(rowFor(viewerPage, "and alice answers")), "verified");
  assert.equal(await viewerPage.locator("#knocks").isHidden(), true);
  assert.equal(await viewerPage.getByRole("button", { name: /knock-room/ }).count(), 0, "a viewer sees its one room only");
  await shot(viewerPage, "viewer");
  const acted = await viewerPage.evaluate(async (room) => {
    const { csrf } = await (await fetch("/v1/console/session")).json();
    const r = await fetch(`/v1/rooms/${room}/requests/nobody/approve`, { method: "POST", headers: { "Content-Type": "application/json", "X-Parler-Csrf": csrf }, body: "{}" });
    return { status: r.status, code: (await r.json()).code };
  }, env.ROOM_ID);
  assert.deepEqual(acted, { status: 403, code: "token_scope" });
  await bob("send", "--room", "team", "seen by the viewer");
  await rowFor(viewerPage, "seen by the viewer").waitFor({ timeout: TIMEOUT });
  await alice("revoke", "viewer", viewer.viewer_id);
  const after = await viewerPage.evaluate(async () => (await fetch("/v1/console/session")).status);
  assert.equal(after, 401);
  await viewerPage.reload();
  await viewerPage.locator("#signed-out").waitFor({ state: "visible", timeout: TIMEOUT });
  assert.equal((await viewerPage.goto(viewer.url)).status(), 401, "a revoked viewer link cannot sign in again");

  assert.deepEqual(problems, []);
  console.log("console e2e: all steps passed");
} finally {
  await browser.close();
}
