// The Parler console. Plain ES modules, no framework: every piece of peer text goes through textContent.
import { Sha256, check } from "./verify.js";

const PAGE = 100;
const FILE_PAGE = 50;
const JOB_PAGE = 50;
// Unread counts and a shown queue follow the hub by long-polls (rooms.wait, jobs.list with a mark): each waits up to
// this long for a change and costs one request of the console's own budget (600 a minute) per answer, never a timer.
const WAIT_SECONDS = 25;
// A busy room answers every wait at once: at most one wait a second, so a person's tab stays a small cost.
const MIN_WAIT_GAP_MS = 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A download is kept in pieces of this size while it is hashed, so the browser may hold them outside the page's heap.
const PIECE_BYTES = 8 * 1024 * 1024;
const $ = (id) => document.getElementById(id);
const state = { session: null, room: null, facts: new Map(), first: 0, last: 0, names: new Map(), handoffs: new Map(), files: new Map(), filesBefore: null, source: null, loadingOlder: false, queue: null, jobs: [] };

// Bidi and other invisible controls are shown as visible, inert markers, so they cannot reorder what a person reads.
const CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
export const inert = (text) => String(text ?? "").replace(CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function status(text) { $("status").textContent = text; }

async function api(path, { method = "GET", body } = {}) {
  const headers = { "Parle-Version": "1" };
  if (method !== "GET") {
    headers["X-Parler-Csrf"] = state.session?.csrf ?? "";
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const retry = Number(response.headers.get("Retry-After"));
    throw Object.assign(new Error(json.detail ?? `HTTP ${response.status}`), { status: response.status, code: json.code, retryAfter: retry > 0 ? retry : undefined });
  }
  return json;
}

const nameOf = (id) => state.names.get(id) ?? (id ? id.slice(0, 12) : "?");
const time = (ms) => new Date(ms).toLocaleString();

function describe(fact) {
  const d = fact.data ?? {};
  switch (fact.type) {
    case "message.posted": return inert(d.body);
    case "handoff.posted": return `handoff to ${inert(d.for)}: ${inert(d.summary)} — next: ${inert(d.next)}`;
    case "task.status": return `task ${inert(d.handoff_id)} is ${inert(d.status)}${d.note ? ": " + inert(d.note) : ""}`;
    case "file.posted": return `shared file ${inert(d.name)} (${d.size} bytes, sha256 ${inert(d.hash)})${d.note ? ": " + inert(d.note) : ""}`;
    case "bundle.posted": return `shared commits ${inert(d.ref)} at ${inert(d.tip)}${d.note ? ": " + inert(d.note) : ""}`;
    case "member.joined": return `${inert(d.name)} joined`;
    case "member.requested": return `${inert(d.name)} knocked`;
    case "member.approved": return `${nameOf(d.agent_id)} was let in`;
    case "member.denied": return `${nameOf(d.agent_id)} was turned away`;
    case "member.left": return `${nameOf(d.agent_id)} left`;
    case "member.removed": return `${nameOf(d.agent_id)} was removed`;
    case "room.created": return `room ${inert(d.name)} created`;
    case "memory.remembered": return `remembered ${inert(d.key)}`;
    default: return fact.type;
  }
}

function learn(fact) {
  const d = fact.data ?? {};
  if ((fact.type === "member.joined" || fact.type === "member.requested") && typeof d.name === "string") state.names.set(d.agent_id, d.name);
  if (fact.type === "handoff.posted") state.handoffs.set(d.handoff_id, { to: d.for, summary: d.summary, status: "open", seq: fact.seq });
  if (fact.type === "task.status" && state.handoffs.has(d.handoff_id)) state.handoffs.get(d.handoff_id).status = d.status;
  if ((fact.type === "file.posted" || fact.type === "bundle.posted") && typeof d.hash === "string" && !state.files.has(fact.seq)) state.files.set(fact.seq, fact);
}

const BADGE_TEXT = { "verified": "verified", "unverified": "unverified", "chain-broken": "chain broken", "forged": "bad signature", "intact": "intact", "checking": "checking" };

function setBadge(row, badge) {
  const node = row.querySelector(".badge");
  node.className = `badge badge-${badge}`;
  node.textContent = BADGE_TEXT[badge];
  row.dataset.badge = badge;
}

function row(fact) {
  const badge = el("span", { class: "badge badge-checking", text: "checking" });
  const item = el("li", { class: `fact fact-${fact.type.replace(".", "-")}`, "data-seq": String(fact.seq) },
    el("div", { class: "meta" },
      el("span", { class: "sender", text: nameOf(fact.actor), title: fact.actor }), " ",
      el("time", { datetime: new Date(fact.at).toISOString(), text: time(fact.at) }), " ",
      badge, " ",
      el("button", { type: "button", class: "audit-button", "aria-label": `Audit fact ${fact.seq}`, text: `#${fact.seq}`, onclick: () => audit(fact) })),
    el("div", { class: "body", text: describe(fact) }));
  return item;
}

async function verify(fact) {
  const previous = state.facts.get(fact.seq - 1);
  const result = await check(fact, previous?.hash);
  const node = $("timeline").querySelector(`li[data-seq="${fact.seq}"]`);
  if (node) setBadge(node, result.badge);
  fact.check = result;
}

function audit(fact) {
  const fields = $("audit-fields");
  fields.replaceChildren();
  const rows = [["room", fact.stream], ["seq", fact.seq], ["type", fact.type], ["at", time(fact.at)], ["actor", fact.actor],
    ["principal", fact.principal], ["authority", fact.authority], ["hash", fact.hash], ["prev", fact.prev],
    ["hash checks", fact.check ? String(fact.check.hashValid) : "?"], ["chains", fact.check ? String(fact.check.chained) : "?"],
    ["signature", fact.check?.signature ?? "?"], ["data", inert(JSON.stringify(fact.data, null, 1))]];
  for (const [key, value] of rows) fields.append(el("dt", { text: key }), el("dd", { text: String(value) }));
  $("audit").hidden = false;
  $("audit-close").focus();
}

function renderHandoffs() {
  const list = $("handoff-list");
  list.replaceChildren(...[...state.handoffs.entries()].map(([id, h]) =>
    el("li", { text: `${inert(h.to)}: ${inert(h.summary)} — ${inert(h.status)} (${id})` })));
  $("handoffs").hidden = state.handoffs.size === 0;
}

// A file name is the sender's suggestion: visible controls, no path, no leading dot, never empty.
const saveName = (name) => inert(name).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").replace(/^[.\s]+/, "").slice(0, 200) || "download";

function fileName(fact) {
  const d = fact.data;
  return fact.type === "file.posted" ? inert(d.name) : `${inert(d.ref)} at ${inert(String(d.tip ?? "").slice(0, 12))}`;
}

// Downloads a shared blob as a stream, hashes each piece as it arrives (an incremental SHA-256: WebCrypto has no
// streaming digest) and offers it to save only when the whole matches the hash and size the sender signed into the
// fact; a mismatch, or more bytes than signed, is shown and nothing is saved.
async function download(fact, result) {
  const d = fact.data;
  const show = (outcome, text) => { result.dataset.result = outcome; result.textContent = text; };
  const checked = fact.check ?? await check(fact, state.facts.get(fact.seq - 1)?.hash);
  fact.check = checked;
  if (checked.badge !== "verified") {
    show("refused", `not downloaded: the fact is ${BADGE_TEXT[checked.badge]}, so its hash is not the sender's word`);
    return;
  }
  show("downloading", "downloading…");
  const hasher = new Sha256();
  const pieces = [];
  let piece = [], pieceBytes = 0, received = 0, shown = 0;
  try {
    const response = await fetch(`/v1/blobs/${encodeURIComponent(d.hash)}`, { headers: { "Parle-Version": "1" }, credentials: "same-origin" });
    if (!response.ok) {
      const json = await response.json().catch(() => ({}));
      show("refused", `not downloaded: ${json.detail ?? `HTTP ${response.status}`}`);
      return;
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > d.size) {
        await reader.cancel();
        show("mismatch", `hash mismatch: the hub sent more than the ${d.size} bytes the sender signed; nothing saved`);
        return;
      }
      hasher.update(value);
      piece.push(value);
      pieceBytes += value.byteLength;
      if (pieceBytes >= PIECE_BYTES) { pieces.push(new Blob(piece)); piece = []; pieceBytes = 0; }
      if (received - shown >= PIECE_BYTES) { shown = received; show("downloading", `downloading… ${received} of ${d.size} bytes hashed`); }
    }
  } catch (e) { show("refused", `not downloaded: ${e.message}`); return; }
  const actual = hasher.hex();
  if (actual !== d.hash || received !== d.size) {
    show("mismatch", `hash mismatch: got sha256 ${actual} (${received} bytes), the sender signed ${inert(d.hash)} (${d.size} bytes); nothing saved`);
    return;
  }
  show("verified", `hash verified (sha256 ${actual}); saved`);
  const url = URL.createObjectURL(new Blob([...pieces, ...piece], { type: "application/octet-stream" }));
  const name = fact.type === "file.posted" ? saveName(d.name) : `${d.hash.slice(0, 12)}.bundle`;
  el("a", { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function renderFiles() {
  const list = $("file-list");
  const rows = [...state.files.values()].sort((a, b) => b.seq - a.seq).map((fact) => {
    const d = fact.data;
    const result = el("span", { class: "download-result", "aria-live": "polite" });
    const label = fileName(fact);
    return el("li", { class: "file", "data-seq": String(fact.seq), "data-hash": String(d.hash) },
      el("span", { class: "file-name", text: label }), " ",
      el("span", { class: "file-meta", text: `${fact.type === "file.posted" ? "file" : "bundle"}, ${Number(d.size)} bytes, from ${nameOf(fact.actor)}${d.note ? ": " + inert(d.note) : ""}` }), " ",
      el("button", { type: "button", class: "download", "aria-label": `Download ${label}`, text: "Download", onclick: () => download(fact, result) }), " ",
      result);
  });
  // Rendered again only when the set changes, so a download's result stays on screen as new facts arrive.
  if (list.childElementCount !== rows.length) list.replaceChildren(...rows);
  $("files").hidden = state.files.size === 0;
  $("files-more").hidden = state.filesBefore === null;
}

// The room's files come from the hub (files.list, every one shared into the room, newest first, paged), not only from
// the facts loaded so far; each is the whole signed fact, checked here like a timeline row before any download.
async function loadFiles(room) {
  const before = state.filesBefore;
  const query = `limit=${FILE_PAGE}${before ? `&before=${before}` : ""}`;
  const page = await api(`/v1/rooms/${encodeURIComponent(room.id)}/files?${query}`);
  if (state.room?.id !== room.id) return;
  for (const fact of page.events) if (!state.files.has(fact.seq)) state.files.set(fact.seq, state.facts.get(fact.seq) ?? fact);
  state.filesBefore = page.more && page.events.length ? page.events[page.events.length - 1].seq : null;
  renderFiles();
}

// A queue's jobs (jobs.list): its workers see them all, anyone else the jobs it sent. While shown, the newest page is
// long-polled with its mark (followJobs), so states change on screen as workers lease and finish them.
function renderJobs() {
  const q = state.queue;
  $("queue-title").textContent = q ? `Queue ${inert(q.name)}${q.worker ? " (you serve it)" : " (the jobs you sent)"}` : "";
  $("job-list").replaceChildren(...state.jobs.map((j) => el("li", { class: `job job-${j.status}`, "data-job": j.job_id, "data-status": j.status },
    el("div", { class: "job-head" },
      el("code", { text: j.job_id }), " ",
      el("span", { class: "job-status", text: j.status }), " ",
      el("span", { class: "job-meta", text: jobMeta(j) })),
    el("div", { class: "job-text", text: inert(j.text) }),
    j.result ? el("div", { class: "job-result", text: `result: ${inert(j.result)}` }) : "")));
  $("jobs-summary").textContent = q ? (state.jobs.length ? `${state.jobs.length} shown` : "No jobs you can see.") : "";
  $("jobs-more").hidden = !q?.more;
  $("queue").hidden = !q;
}

function jobMeta(j) {
  const parts = [`from ${nameOf(j.sender)}`, `attempts ${j.attempts}`];
  if (j.status === "leased") parts.push(`leased by ${nameOf(j.worker)} until ${time(Date.parse(j.lease_until))}`);
  else if (j.worker) parts.push(`by ${nameOf(j.worker)}`);
  return parts.join(", ");
}

async function loadJobs({ older = false, wait = false } = {}) {
  const q = state.queue;
  if (!q) return;
  const path = `/v1/queues/${encodeURIComponent(q.name)}/jobs`;
  if (older) {
    const page = await api(`${path}?limit=${JOB_PAGE}&before=${encodeURIComponent(state.jobs[state.jobs.length - 1].job_id)}`);
    if (state.queue !== q) return;
    state.jobs.push(...page.jobs.filter((j) => !state.jobs.some((k) => k.job_id === j.job_id)));
    q.more = page.more;
  } else {
    // The newest jobs, as many as are shown (up to a page of 200): states change in place, new jobs appear on top.
    const limit = Math.min(200, Math.max(JOB_PAGE, state.jobs.length));
    const page = await api(`${path}?limit=${limit}${wait && q.mark ? `&wait=${WAIT_SECONDS}&mark=${encodeURIComponent(q.mark)}` : ""}`);
    if (state.queue !== q) return;
    q.mark = page.mark;
    const fresh = new Set(page.jobs.map((j) => j.job_id));
    // Every shown job missing from the newest page is older than it (a page of older jobs loaded before): kept.
    state.jobs = [...page.jobs, ...state.jobs.filter((j) => !fresh.has(j.job_id))];
    if (state.jobs.length <= page.jobs.length) q.more = page.more;
    q.worker = page.worker;
  }
  renderJobs();
}

async function showQueue(event) {
  event.preventDefault();
  const name = $("queue-name").value.trim();
  if (!name) return;
  state.queue = { name, more: false, worker: false, mark: null };
  state.jobs = [];
  await loadJobs();
  followJobs(state.queue);
}

// One long-poll at a time per shown queue; it ends when another queue is shown.
async function followJobs(q) {
  while (state.queue === q) {
    const started = Date.now();
    try { await loadJobs({ wait: true }); } catch (e) { await sleep(retryAfter(e)); }
    await sleep(Math.max(0, MIN_WAIT_GAP_MS - (Date.now() - started)));
  }
}

// After a refused or failed wait: the hub's Retry-After when it said one (rate_limited), else a few seconds.
const retryAfter = (e) => (e.retryAfter ?? 5) * 1000;

async function searchMemory(event) {
  event.preventDefault();
  const q = $("memory-query").value.trim();
  if (!q || !state.room) return;
  const found = await api(`/v1/rooms/${encodeURIComponent(state.room.id)}/memory?q=${encodeURIComponent(q)}&limit=20`);
  $("memory-summary").textContent = found.memories.length ? `${found.memories.length} found` : "Nothing found.";
  $("memory-results").replaceChildren(...found.memories.map((m) => el("li", { class: "memory", "data-seq": String(m.seq) },
    el("div", { class: "memory-text", text: inert(m.text) }),
    el("div", { class: "memory-meta", text: `${m.key ? "key " + inert(m.key) + ", " : ""}by ${inert(m.author_name)}, ${time(Date.parse(m.at))}, #${m.seq}` }))));
}

function add(facts, { prepend = false } = {}) {
  const timeline = $("timeline");
  const fresh = facts.filter((f) => !state.facts.has(f.seq));
  for (const fact of fresh) { state.facts.set(fact.seq, fact); learn(fact); }
  const rows = fresh.map(row);
  if (prepend) timeline.prepend(...rows); else timeline.append(...rows);
  if (fresh.length) {
    state.first = Math.min(...state.facts.keys());
    state.last = Math.max(...state.facts.keys());
  }
  renderHandoffs();
  renderFiles();
  // Each fact is checked against the one before it; the fact after a newly loaded page is checked again.
  const toCheck = [...fresh];
  if (prepend && fresh.length) { const next = state.facts.get(fresh[fresh.length - 1].seq + 1); if (next) toCheck.push(next); }
  return Promise.all(toCheck.map(verify));
}

async function loadOlder() {
  if (state.loadingOlder || state.first <= 1) return;
  state.loadingOlder = true;
  const timeline = $("timeline");
  const before = timeline.scrollHeight;
  try {
    const count = Math.min(PAGE, state.first - 1);
    const page = await api(`/v1/rooms/${encodeURIComponent(state.room.id)}/messages?after=${state.first - 1 - count}&limit=${count}`);
    await add(page.events, { prepend: true });
    timeline.scrollTop += timeline.scrollHeight - before;
  } finally { state.loadingOlder = false; }
}

async function loadKnocks() {
  const section = $("knocks");
  if (state.session.mode !== "owner" || state.room.role !== "owner") { section.hidden = true; return; }
  const { requests } = await api(`/v1/rooms/${encodeURIComponent(state.room.id)}/requests`);
  $("knock-list").replaceChildren(...requests.map((r) => {
    const decide = (verb) => async () => {
      try {
        await api(`/v1/rooms/${encodeURIComponent(state.room.id)}/requests/${encodeURIComponent(r.agent_id)}/${verb}`, { method: "POST", body: {} });
        status(`${verb === "approve" ? "Accepted" : "Rejected"} ${inert(r.name)}`);
      } catch (e) { status(`Could not ${verb}: ${e.message}`); }
      await loadKnocks();
    };
    return el("li", { class: "knock" },
      el("span", { class: "knock-name", text: inert(r.name) }), " ",
      el("code", { text: r.agent_id }), " ",
      el("button", { type: "button", class: "accept", "aria-label": `Accept ${inert(r.name)}`, text: "Accept", onclick: decide("approve") }), " ",
      el("button", { type: "button", class: "reject", "aria-label": `Reject ${inert(r.name)}`, text: "Reject", onclick: decide("deny") }));
  }));
  section.hidden = requests.length === 0;
}

async function openRoom(room) {
  state.source?.close();
  Object.assign(state, { room, facts: new Map(), first: 0, last: 0, handoffs: new Map(), files: new Map(), filesBefore: null });
  $("file-list").replaceChildren();
  $("memory-results").replaceChildren();
  $("memory-summary").textContent = "";
  $("room-title").textContent = `${inert(room.name)} (${room.kind})`;
  $("timeline").replaceChildren();
  $("room").hidden = false;
  for (const b of document.querySelectorAll("#room-list button")) b.setAttribute("aria-current", String(b.dataset.room === room.id));
  const id = encodeURIComponent(room.id);
  // The roster (names) and the last page travel together: one round trip before the first paint.
  const start = Math.max(0, room.head - PAGE);
  const [roster, page] = await Promise.all([
    api(`/v1/rooms/${id}/members`).catch(() => ({ members: [] })),
    api(`/v1/rooms/${id}/messages?after=${start}&limit=${PAGE}`),
  ]);
  for (const m of roster.members) state.names.set(m.agent_id, m.name);
  const checked = add(page.events);
  loadFiles(room).catch((e) => status(`Files: ${e.message}`));
  await checked;
  const timeline = $("timeline");
  timeline.scrollTop = timeline.scrollHeight;
  const source = new EventSource(`/v1/rooms/${id}/stream?after=${state.last || start}`);
  source.addEventListener("fact", async (event) => {
    const fact = JSON.parse(event.data);
    if (state.room?.id !== room.id || state.facts.has(fact.seq)) return;
    const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
    await add([fact]);
    roomChanged();
    if (atBottom) timeline.scrollTop = timeline.scrollHeight;
    if (fact.type.startsWith("member.")) loadKnocks().catch(() => {});
  });
  source.addEventListener("error", () => status(source.readyState === EventSource.CLOSED ? "Live stream closed." : "Reconnecting…"));
  source.addEventListener("open", () => status("Live."));
  state.source = source;
  await loadKnocks().catch((e) => status(e.message));
}

function roomButton(room) {
  return el("li", {}, el("button", { type: "button", "data-room": room.id, onclick: () => openRoom(room).catch((e) => status(e.message)) },
    el("span", { class: "room-name", text: inert(room.name) }), " ",
    el("span", { class: "unread", "data-unread": String(room.unread), "aria-label": `${room.unread} unread`, text: room.unread > 0 ? String(room.unread) : "" })));
}

// Unread counts change in place (the buttons stay, so focus does too); a room that is new or gone rebuilds the list.
async function loadRooms() {
  const { rooms } = await api("/v1/rooms");
  renderRooms(rooms);
  return rooms;
}

function renderRooms(rooms) {
  const list = $("room-list");
  const buttons = [...list.querySelectorAll("button[data-room]")];
  if (buttons.length !== rooms.length || rooms.some((r, i) => buttons[i].dataset.room !== r.id)) {
    list.replaceChildren(...rooms.map(roomButton));
    for (const b of list.querySelectorAll("button")) b.setAttribute("aria-current", String(b.dataset.room === state.room?.id));
  } else {
    rooms.forEach((room, i) => {
      const badge = buttons[i].querySelector(".unread");
      badge.dataset.unread = String(room.unread);
      badge.setAttribute("aria-label", `${room.unread} unread`);
      badge.textContent = room.unread > 0 ? String(room.unread) : "";
    });
  }
}

// An owner's room list rides rooms.wait (GET /v1/me/rooms): it answers when a fact lands in any of the agent's rooms or
// the agent is in a new one. A viewer has one room, whose live stream already tells of each fact (roomChanged).
async function followRooms() {
  let mark = null;
  for (;;) {
    const started = Date.now();
    try {
      const answer = await api(`/v1/me/rooms?wait=${WAIT_SECONDS}${mark ? `&mark=${encodeURIComponent(mark)}` : ""}`);
      mark = answer.mark;
      renderRooms(answer.rooms);
    } catch (e) {
      if (e.status === 401) return;
      await sleep(retryAfter(e));
    }
    await sleep(Math.max(0, MIN_WAIT_GAP_MS - (Date.now() - started)));
  }
}

let roomsPending = false;
function roomChanged() {
  if (state.session.mode === "owner" || roomsPending) return;
  roomsPending = true;
  sleep(MIN_WAIT_GAP_MS).then(() => { roomsPending = false; return loadRooms(); }).catch(() => {});
}

async function loadViewers() {
  if (state.session.mode !== "owner") return;
  const { viewers } = await api("/v1/console/viewers");
  const live = viewers.filter((v) => !v.revoked && Date.parse(v.expires_at) > Date.now());
  $("viewer-list").replaceChildren(...live.map((v) => el("li", {},
    el("code", { text: v.viewer_id }), ` room ${v.room} until ${time(Date.parse(v.expires_at))} `,
    el("button", { type: "button", "aria-label": `Revoke viewer ${v.viewer_id}`, text: "Revoke", onclick: async () => {
      await api("/v1/auth/revoke", { method: "POST", body: { token_id: v.viewer_id } }).catch((e) => status(e.message));
      await loadViewers();
    } }))));
  $("viewers").hidden = live.length === 0;
}

async function main() {
  $("audit-close").addEventListener("click", () => { $("audit").hidden = true; });
  $("memory-form").addEventListener("submit", (event) => searchMemory(event).catch((e) => status(`Search failed: ${e.message}`)));
  $("timeline").addEventListener("scroll", () => { if ($("timeline").scrollTop < 60) loadOlder().catch((e) => status(e.message)); });
  $("files-more").addEventListener("click", () => loadFiles(state.room).catch((e) => status(`Files: ${e.message}`)));
  $("queue-form").addEventListener("submit", (event) => showQueue(event).catch((e) => status(`Queue: ${e.message}`)));
  $("jobs-more").addEventListener("click", () => loadJobs({ older: true }).catch((e) => status(`Queue: ${e.message}`)));
  try {
    state.session = await api("/v1/console/session");
  } catch (e) {
    $("signed-out").hidden = false;
    $("app").hidden = true;
    status(e.status === 401 ? "Not signed in." : e.message);
    return;
  }
  const s = state.session;
  state.names.set(s.agent_id, s.name);
  $("who").textContent = s.mode === "viewer" ? `viewing as ${inert(s.name)} (read only)` : `signed in as ${inert(s.name)}`;
  document.body.dataset.mode = s.mode;
  const rooms = await loadRooms();
  await loadViewers().catch(() => {});
  $("queue-form").hidden = s.mode !== "owner";
  const first = s.room ? rooms.find((r) => r.id === s.room) : null;
  if (first) await openRoom(first);
  if (s.mode === "owner") followRooms();
  document.body.dataset.ready = "true";
}

main().catch((e) => status(e.message));
