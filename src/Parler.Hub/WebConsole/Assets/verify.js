// What `parler recv` checks, done again in the browser so the page need not trust the hub:
// the fact's hash over its RFC 8785 form, the chain to the fact before it, and the author's Ed25519 signature
// over the signed payload (the same fields Parler.Core's MessageSignature, HandoffBody and BlobBody sign).

export const GENESIS = "0".repeat(64);
const encoder = new TextEncoder();

/** RFC 8785: sorted keys (UTF-16 order), ECMAScript number and string forms, no whitespace. */
export function canonical(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean": return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new Error("not a JSON number");
      return JSON.stringify(value);
    case "string": return JSON.stringify(value);
    case "object":
      if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
      return "{" + Object.keys(value).sort().map((k) => JSON.stringify(k) + ":" + canonical(value[k])).join(",") + "}";
    default: throw new Error("not JSON");
  }
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export async function factHash(fact) {
  const envelope = {
    stream: fact.stream, seq: fact.seq, type: fact.type, at: fact.at, actor: fact.actor,
    principal: fact.principal, authority: fact.authority, data: fact.data, prev: fact.prev,
  };
  return hex(await sha256(encoder.encode(canonical(envelope))));
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(text) {
  let buffer = 0, bits = 0;
  const out = [];
  for (const c of text.toLowerCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) { bits -= 8; out.push((buffer >> bits) & 0xff); }
  }
  return new Uint8Array(out);
}

const keys = new Map();

/** The Ed25519 public key inside an agent id ("pa" + base32(key ‖ 4-byte checksum)), checksum checked. */
async function agentKey(id) {
  if (keys.has(id)) return keys.get(id);
  const promise = (async () => {
    if (typeof id !== "string" || id.length !== 60 || !id.startsWith("pa")) return null;
    const raw = base32(id.slice(2));
    if (!raw || raw.length !== 36) return null;
    const publicKey = raw.slice(0, 32);
    const domain = encoder.encode("parler-agent-id:");
    const input = new Uint8Array(domain.length + 32);
    input.set(domain); input.set(publicKey, domain.length);
    const check = await sha256(input);
    for (let i = 0; i < 4; i++) if (check[i] !== raw[32 + i]) return null;
    return crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  })();
  keys.set(id, promise);
  return promise;
}

function fromBase64(text) {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch { return null; }
}

const str = (v) => typeof v === "string";
const optStr = (v) => v === null || typeof v === "string";
const int = (v) => Number.isInteger(v);

/** The signed fields of a fact, or null when its data does not fit its kind (then it was altered). */
function signedFields(fact) {
  const d = fact.data ?? {};
  switch (fact.type) {
    case "message.posted":
      return str(d.kind) && str(d.body) && str(d.nonce) ? { kind: d.kind, body: d.body, nonce: d.nonce, signature: d.signature } : null;
    case "handoff.posted":
      return str(d.for) && str(d.summary) && str(d.next) && str(d.nonce) && (d.bundle === undefined || optStr(d.bundle))
        ? { kind: "handoff", body: canonical({ for: d.for, summary: d.summary, next: d.next, bundle: d.bundle ?? null }), nonce: d.nonce, signature: d.signature }
        : null;
    case "bundle.posted":
      return str(d.ref) && str(d.tip) && int(d.size) && str(d.hash) && str(d.nonce)
        ? { kind: "bundle", body: canonical({ ref: d.ref, tip: d.tip, base: d.base ?? null, note: d.note ?? null, size: d.size, hash: d.hash }), nonce: d.nonce, signature: d.signature }
        : null;
    case "file.posted":
      return str(d.name) && str(d.media_type) && int(d.size) && str(d.hash) && str(d.nonce)
        ? { kind: "file", body: canonical({ name: d.name, media_type: d.media_type, note: d.note ?? null, size: d.size, hash: d.hash }), nonce: d.nonce, signature: d.signature }
        : null;
    default:
      return undefined;
  }
}

/** "verified", "unsigned", "bad-signature" or "not-a-message", as FactCheck's MessageTrust. */
export async function trust(fact) {
  const fields = signedFields(fact);
  if (fields === undefined) return "not-a-message";
  if (fields === null) return "bad-signature";
  if (!fields.signature) return "unsigned";
  const signature = fromBase64(fields.signature);
  const key = await agentKey(fact.actor);
  if (!signature || signature.length !== 64 || !key) return "bad-signature";
  const payload = encoder.encode(canonical({
    purpose: "parler.message/v1", room: fact.stream, author: fact.actor, kind: fields.kind, body: fields.body, nonce: fields.nonce,
  }));
  try {
    return (await crypto.subtle.verify({ name: "Ed25519" }, key, signature, payload)) ? "verified" : "bad-signature";
  } catch { return "bad-signature"; }
}

/**
 * The badge for one fact: "chain-broken" when its hash is wrong or it does not chain to the fact before it
 * (previousHash: that fact's hash, when loaded; the genesis hash for seq 1), else "verified" for a message
 * whose signature checks, "unverified" for an unsigned one, "forged" for a bad signature, "intact" otherwise.
 */
export async function check(fact, previousHash) {
  const hashValid = (await factHash(fact)) === fact.hash;
  const expectedPrev = fact.seq === 1 ? GENESIS : previousHash;
  const chained = expectedPrev == null || fact.prev === expectedPrev;
  const signature = await trust(fact);
  let badge;
  if (!hashValid || !chained) badge = "chain-broken";
  else if (signature === "verified") badge = "verified";
  else if (signature === "unsigned") badge = "unverified";
  else if (signature === "bad-signature") badge = "forged";
  else badge = "intact";
  return { badge, hashValid, chained, signature };
}
