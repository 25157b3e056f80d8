// The Parler console. Plain ES modules, no framework: every piece of peer text goes through textContent.
import { check } from "./verify.js";

const PAGE = 100;
const $ = (id) => document.getElementById(id);
const state = { session: null, room: null, facts: new Map(), first: 0, last: 0, names: new Map(), handoffs: new Map(), source: null, loadingOlder: false };

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
  if (!response.ok) throw Object.assign(new Error(json.detail ?? `HTTP ${response.status}`), { status: response.status, code: json.code });
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
  Object.assign(state, { room, facts: new Map(), first: 0, last: 0, handoffs: new Map() });
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
  await add(page.events);
  const timeline = $("timeline");
  timeline.scrollTop = timeline.scrollHeight;
  const source = new EventSource(`/v1/rooms/${id}/stream?after=${state.last || start}`);
  source.addEventListener("fact", async (event) => {
    const fact = JSON.parse(event.data);
    if (state.room?.id !== room.id || state.facts.has(fact.seq)) return;
    const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
    await add([fact]);
    if (atBottom) timeline.scrollTop = timeline.scrollHeight;
    if (fact.type.startsWith("member.")) loadKnocks().catch(() => {});
  });
  source.addEventListener("error", () => status(source.readyState === EventSource.CLOSED ? "Live stream closed." : "Reconnecting…"));
  source.addEventListener("open", () => status("Live."));
  state.source = source;
  await loadKnocks().catch((e) => status(e.message));
}

async function loadRooms() {
  const { rooms } = await api("/v1/rooms");
  $("room-list").replaceChildren(...rooms.map((room) =>
    el("li", {}, el("button", { type: "button", "data-room": room.id, onclick: () => openRoom(room).catch((e) => status(e.message)) },
      el("span", { class: "room-name", text: inert(room.name) }), " ",
      el("span", { class: "unread", "aria-label": `${room.unread} unread`, text: room.unread > 0 ? String(room.unread) : "" })))));
  return rooms;
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
  $("timeline").addEventListener("scroll", () => { if ($("timeline").scrollTop < 60) loadOlder().catch((e) => status(e.message)); });
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
  const first = s.room ? rooms.find((r) => r.id === s.room) : null;
  if (first) await openRoom(first);
  document.body.dataset.ready = "true";
}

main().catch((e) => status(e.message));
