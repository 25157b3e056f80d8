// First paint of a big room in the web console: seeds a room with N signed messages straight over HTTP (one agent,
// its key from PARLER_HOME/identity.json), then opens the console in Debian's Chromium (playwright-core from the
// console test's folder) and times, over R runs, from the click on the room to (a) the first timeline row painted
// and (b) every loaded row's badge computed. Usage:
//   PARLER_BIN=… node bench/console/first-paint.mjs [messages=10000] [runs=5]
// It starts its own hub on a free port with a fresh record in a temp folder and removes it afterwards.
import { execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";

const require = createRequire(new URL("../../tests/Parler.EndToEnd.Tests/WebConsole/browser/", import.meta.url));
const { chromium } = require("playwright-core");
const { canonical } = await import(new URL("../../src/Parler.Hub/WebConsole/Assets/verify.js", import.meta.url));

const COUNT = Number(process.argv[2] ?? 10000);
const RUNS = Number(process.argv[3] ?? 5);
const BIN = process.env.PARLER_BIN ?? "parler";
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "parler-console-bench-"));
const home = path.join(folder, "agent");
const port = await new Promise((resolve) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const HUB = `http://127.0.0.1:${port}`;
const cliEnv = { ...process.env, PARLER_HOME: home, PARLER_HUB: HUB, PARLER_NAME: "bench", NO_COLOR: "1" };
const parler = (...args) => new Promise((resolve, reject) => execFile(BIN, args, { env: cliEnv }, (e, out, err) => e ? reject(new Error(err || e.message)) : resolve(out)));

const hub = spawn(BIN, ["hub", "--addr", `127.0.0.1:${port}`, "--db", path.join(folder, "hub.db"), "--max-posts-per-agent", "0", "--max-posts-per-room", "0"], { env: { ...process.env, PARLER_HOME: path.join(folder, "hub") }, stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => hub.stdout.on("data", (d) => { if (String(d).includes("http://")) resolve(); }));

try {
  await parler("invite", "--group", "big");
  const identity = JSON.parse(fs.readFileSync(path.join(home, "identity.json"), "utf8"));
  const key = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(identity.seed, "base64")]), format: "der", type: "pkcs8" });
  const json = async (method, url, body, token) => {
    const r = await fetch(HUB + url, { method, headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const challenge = await json("POST", "/v1/auth/challenge", { agent_id: identity.id });
  const signature = crypto.sign(null, Buffer.from(challenge.sign, "utf8"), key).toString("base64");
  const { token } = await json("POST", "/v1/auth/token", { agent_id: identity.id, challenge: challenge.challenge, signature });
  const room = (await json("GET", "/v1/rooms", undefined, token)).rooms.find((r) => r.name === "big").id;
  const seeding = Date.now();
  let next = 0;
  const post = async () => {
    while (next < COUNT) {
      const i = next++;
      const body = `message ${i}: ${"lorem ipsum dolor sit amet ".repeat(1 + (i % 4))}`;
      const nonce = crypto.randomBytes(12).toString("hex");
      const payload = canonical({ purpose: "parler.message/v1", room, author: identity.id, kind: "text", body, nonce });
      const sig = crypto.sign(null, Buffer.from(payload, "utf8"), key).toString("base64");
      await json("POST", `/v1/rooms/${room}/messages`, { body, nonce, signature: sig }, token);
    }
  };
  await Promise.all(Array.from({ length: 16 }, post));
  console.log(`seeded ${COUNT} signed messages in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const firstRow = [], allBadges = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto((await parler("console", "--print")).trim());
    await page.locator("body[data-ready=true]").waitFor();
    await page.evaluate(() => {
      window.__paint = {};
      new MutationObserver(() => {
        if (!window.__paint.row && document.querySelector("#timeline li.fact")) window.__paint.row = performance.now();
        if (!window.__paint.badges && document.querySelector("#timeline li.fact") && !document.querySelector("#timeline .badge-checking")) window.__paint.badges = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const start = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: /big/ }).click();
    await page.waitForFunction(() => window.__paint.badges);
    // A frame after the DOM change: the rows are on screen.
    const paint = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__paint))));
    firstRow.push(paint.row - start);
    allBadges.push(paint.badges - start);
    const verified = await page.locator("#timeline li[data-badge=verified]").count();
    if (verified !== 100) throw new Error(`expected the last 100 facts verified, saw ${verified}`);
    await page.context().close();
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`room of ${COUNT + 2} facts, ${RUNS} runs: first row painted median ${median(firstRow).toFixed(0)} ms (all: ${firstRow.map((x) => x.toFixed(0)).join(", ")}); ` +
    `last 100 facts verified in the browser median ${median(allBadges).toFixed(0)} ms (all: ${allBadges.map((x) => x.toFixed(0)).join(", ")})`);
} finally {
  hub.kill("SIGTERM");
  await new Promise((r) => hub.on("exit", r));
  fs.rmSync(folder, { recursive: true, force: true });
}
