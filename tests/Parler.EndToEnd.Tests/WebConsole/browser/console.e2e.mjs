// Drives Debian's Chromium (playwright-core, no downloaded browser) against a real hub's /console while real
// `parler` processes talk. Started by ConsoleBrowserTests with the hub, the agents' homes and the room in the
// environment; prints each step and exits non-zero on the first failure.
import { execFile } from "node:child_process";
import { strict as assert } from "node:assert";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  step("the incremental SHA-256 of verify.js: known vectors, and 5 MB in uneven pieces equal to WebCrypto's");
  const vectors = await page.evaluate(async () => {
    const { Sha256 } = await import("/console/assets/verify.js");
    const text = (s) => new Sha256().update(new TextEncoder().encode(s)).hex();
    const million = new Sha256();
    const a = new Uint8Array(1000).fill(97);
    for (let i = 0; i < 1000; i++) million.update(a);
    const big = new Uint8Array(5 * 1024 * 1024 + 13);
    for (let i = 0; i < big.length; i += 65536) crypto.getRandomValues(big.subarray(i, Math.min(big.length, i + 65536)));
    const pieces = new Sha256();
    const sizes = [1, 63, 64, 65, 1000, 7, 65536, 3, 1 << 20];
    for (let i = 0, j = 0; i < big.length; j++) { const n = sizes[j % sizes.length]; pieces.update(big.subarray(i, i + n)); i += n; }
    const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
    const lengths = [];
    for (let n = 0; n <= 130; n++) {
      const bytes = big.subarray(n * 7, n * 7 + n);
      if (new Sha256().update(bytes).hex() !== hex(await crypto.subtle.digest("SHA-256", bytes))) lengths.push(n);
    }
    return { empty: text(""), abc: text("abc"), two: text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), million: million.hex(),
      big: pieces.hex() === hex(await crypto.subtle.digest("SHA-256", big)), lengths };
  });
  assert.deepEqual(vectors, {
    empty: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    abc: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    two: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    million: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    big: true,
    lengths: [],
  });

  step("the room's timeline: the altered fact is chain-broken, the rest verified");
  await page.getByRole("button", { name: /team/ }).click();
  const altered = page.locator(`#timeline li[data-seq="${env.TAMPERED_SEQ}"]`);
  assert.equal(await badgeOf(altered), "chain-broken");
  assert.equal(await badgeOf(rowFor(page, "an honest message")), "verified");

  step("a file shared before the last 100 facts is listed from the hub and downloads verified");
  const earlyRow = page.locator(`#file-list li[data-hash="${env.EARLY_FILE_SHA}"]`);
  await earlyRow.waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator(`#timeline li[data-seq="${await earlyRow.getAttribute("data-seq")}"]`).count(), 0, "the file's fact is not among the loaded facts");
  const [earlySaved] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), earlyRow.getByRole("button", { name: /^Download/ }).click()]);
  assert.equal(await readFile(await earlySaved.path(), "utf8"), "shared before a long conversation");
  assert.equal(await earlyRow.locator(".download-result").getAttribute("data-result"), "verified");

  step("unread counts ride a push: no room-list request while idle, then a CLI message raises the count within 5 s");
  const roomCalls = [];
  const countRoomCalls = (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/v1/rooms" || path === "/v1/me/rooms") roomCalls.push(path);
  };
  page.on("request", countRoomCalls);
  // Longer than the 3 s the list was once read again at: an idle page sends no room list request (at most one
  // long-poll, when the one waiting reaches its 25 s end in this window).
  await page.waitForTimeout(4000);
  assert.equal(roomCalls.filter((p) => p === "/v1/rooms").length, 0, `idle page polled the room list: ${roomCalls}`);
  assert.ok(roomCalls.length <= 1, `idle page sent ${roomCalls.length} room list requests: ${roomCalls}`);
  const unread = page.locator('#room-list button[data-room] .unread').first();
  const unreadBefore = Number(await unread.getAttribute("data-unread"));
  await bob("send", "--room", "team", "one more to count");
  await page.waitForFunction((n) => Number(document.querySelector("#room-list button[data-room] .unread").dataset.unread) > n, unreadBefore, { timeout: 5000 });
  page.off("request", countRoomCalls);

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

  step("a file sent with parler send-file is listed and downloads with a hash checked in the browser");
  const scratch = await mkdtemp(join(tmpdir(), "parler-console-"));
  // Several megabytes: the page hashes it piece by piece as it streams in.
  const content = randomBytes(6 * 1024 * 1024 + 77);
  const sha = createHash("sha256").update(content).digest("hex");
  const local = join(scratch, "payload.bin");
  await writeFile(local, content);
  const hostileName = "<img src=x onerror=\"window.__pwned = 4\">/../report.txt";
  const hostileNote = "<script>window.__pwned = 5</script> see \u202Eevil";
  await alice("send-file", "--room", "team", "--name", hostileName, "--note", hostileNote, local);
  const fileRow = page.locator(`#file-list li[data-hash="${sha}"]`);
  await fileRow.waitFor({ timeout: TIMEOUT });
  assert.equal(await fileRow.locator(".file-name").textContent(), hostileName);
  assert.match(await fileRow.locator(".file-meta").textContent(), /<script>window.__pwned = 5<\/script> see \[U\+202E\]evil/);
  assert.equal(await page.locator("#files img, #files script, #files a, #files iframe").count(), 0);
  assert.equal(await badgeOf(rowFor(page, "shared file")), "verified");
  const [saved] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), fileRow.getByRole("button", { name: /^Download/ }).click()]);
  assert.ok(Buffer.from(await readFile(await saved.path())).equals(content), "the saved bytes are the sent bytes");
  assert.doesNotMatch(saved.suggestedFilename(), /[\\/]/);
  assert.equal(await fileRow.locator(".download-result").getAttribute("data-result"), "verified");
  assert.match(await fileRow.locator(".download-result").textContent(), new RegExp(`hash verified \\(sha256 ${sha}\\)`));
  await shot(page, "files");

  step("a hub that serves other bytes: the browser shows the mismatch and saves nothing");
  let downloads = 0;
  page.on("download", () => { downloads += 1; });
  const forged = Buffer.from(content);
  forged[100] ^= 0xff;
  await page.route(`**/v1/blobs/${sha}`, (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: forged }));
  await fileRow.getByRole("button", { name: /^Download/ }).click();
  await fileRow.locator(".download-result[data-result=mismatch]").waitFor({ timeout: TIMEOUT });
  assert.match(await fileRow.locator(".download-result").textContent(), /hash mismatch.*nothing saved/);
  await page.unroute(`**/v1/blobs/${sha}`);
  const longer = Buffer.concat([content, Buffer.from("more")]);
  await page.route(`**/v1/blobs/${sha}`, (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: longer }));
  await fileRow.getByRole("button", { name: /^Download/ }).click();
  await fileRow.locator(".download-result[data-result=mismatch]", { hasText: "more than" }).waitFor({ timeout: TIMEOUT });
  await page.unroute(`**/v1/blobs/${sha}`);
  assert.equal(downloads, 0, "nothing is offered to save after a mismatch");
  const [honest] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), fileRow.getByRole("button", { name: /^Download/ }).click()]);
  assert.ok(Buffer.from(await readFile(await honest.path())).equals(content));
  assert.equal(downloads, 1, "the honest download after it is the only one offered");
  await rm(scratch, { recursive: true, force: true });

  step("a memory remembered with parler remember is found by search, rendered inert");
  const memory = "<img src=x onerror=\"window.__pwned = 6\"> the deploy plan is blue-green \u2066x";
  await alice("remember", "--room", "team", "--key", "deploy-plan", memory);
  await page.getByLabel("Search the room's memory").fill("deploy blue-green");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const found = page.locator("#memory-results li.memory", { hasText: "blue-green" });
  await found.waitFor({ timeout: TIMEOUT });
  assert.equal(await found.locator(".memory-text").textContent(), memory.replace("\u2066", "[U+2066]"));
  assert.match(await found.locator(".memory-meta").textContent(), /key deploy-plan, by alice/);
  assert.equal(await page.locator("#memory img, #memory script, #memory a, #memory iframe").count(), 0);
  await page.getByLabel("Search the room's memory").fill("nothingmatcheszzz");
  await page.keyboard.press("Enter");
  await page.locator("#memory-summary", { hasText: "Nothing found." }).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  step("a queue's jobs, live: queued, leased by whom until when, done with its result (all as text)");
  await parler(env.ALICE_HOME, "alice", ["serve", "review", "--once", "--wait", "0"]);
  const jobText = "<img src=x onerror=\"window.__pwned = 7\"> review PR #42";
  const enqueued = await bob("--json", "send", "--service", "review", jobText);
  const jobId = JSON.parse(enqueued.stdout).job_id;
  assert.ok(jobId.startsWith("jb_"), enqueued.stdout);
  await page.getByLabel("Queue", { exact: true }).fill("review");
  await page.getByRole("button", { name: "Show jobs" }).click();
  const jobRow = page.locator(`#job-list li[data-job="${jobId}"]`);
  await jobRow.waitFor({ timeout: TIMEOUT });
  assert.equal(await jobRow.getAttribute("data-status"), "queued");
  assert.equal(await jobRow.locator(".job-text").textContent(), jobText);
  assert.match(await page.locator("#queue-title").textContent(), /Queue review \(you serve it\)/);
  await alice("serve", "review", "--once", "--wait", "10", "--lease", "600");
  await page.locator(`#job-list li[data-job="${jobId}"][data-status="leased"]`).waitFor({ timeout: TIMEOUT });
  assert.match(await jobRow.locator(".job-meta").textContent(), /from bob, attempts 1, leased by alice until /);
  await alice("ack", jobId, "--done", "<script>window.__pwned = 8</script> looks good");
  await page.locator(`#job-list li[data-job="${jobId}"][data-status="done"]`).waitFor({ timeout: TIMEOUT });
  assert.equal(await jobRow.locator(".job-result").textContent(), "result: <script>window.__pwned = 8</script> looks good");
  assert.equal(await page.locator("#queue img, #queue script, #queue a, #queue iframe").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, "queue");

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
  await viewerPage.getByLabel("Search the room's memory").fill("deploy");
  await viewerPage.keyboard.press("Enter");
  await viewerPage.locator("#memory-results li.memory", { hasText: "blue-green" }).waitFor({ timeout: TIMEOUT });
  const viewerFile = viewerPage.locator(`#file-list li[data-hash="${sha}"]`);
  await rowFor(viewerPage, "shared file").locator(".badge:not(.badge-checking)").waitFor({ timeout: TIMEOUT });
  const [viewerSaved] = await Promise.all([viewerPage.waitForEvent("download", { timeout: TIMEOUT }), viewerFile.getByRole("button", { name: /^Download/ }).click()]);
  assert.ok(Buffer.from(await readFile(await viewerSaved.path())).equals(content), "a viewer downloads the room's file, verified");
  assert.equal(await viewerPage.getByRole("button", { name: /knock-room/ }).count(), 0, "a viewer sees its one room only");
  await shot(viewerPage, "viewer");
  const acted = await viewerPage.evaluate(async (room) => {
    const { csrf } = await (await fetch("/v1/console/session")).json();
    const r = await fetch(`/v1/rooms/${room}/requests/nobody/approve`, { method: "POST", headers: { "Content-Type": "application/json", "X-Parler-Csrf": csrf }, body: "{}" });
    return { status: r.status, code: (await r.json()).code };
  }, env.ROOM_ID);
  assert.deepEqual(acted, { status: 403, code: "token_scope" });
  assert.equal(await viewerPage.locator("#queue-form").isHidden(), true, "a viewer has no queue view");
  const viewerJobs = await viewerPage.evaluate(async () => {
    const r = await fetch("/v1/queues/review/jobs");
    return { status: r.status, code: (await r.json()).code };
  });
  assert.deepEqual(viewerJobs, { status: 403, code: "token_scope" });
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
