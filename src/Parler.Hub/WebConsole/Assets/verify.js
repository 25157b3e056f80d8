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

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 (FIPS 180-4) fed in pieces, for a download hashed as it streams in: WebCrypto's digest takes only the whole
 * input at once. update() any number of times, then digest() (32 bytes) or hex() once.
 */
export class Sha256 {
  #h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  #w = new Uint32Array(64);
  #block = new Uint8Array(64);
  #fill = 0;
  #length = 0;

  update(bytes) {
    const n = bytes.length;
    let i = 0;
    this.#length += n;
    if (this.#fill > 0) {
      i = Math.min(64 - this.#fill, n);
      this.#block.set(bytes.subarray(0, i), this.#fill);
      this.#fill += i;
      if (this.#fill < 64) return this;
      this.#compress(this.#block, 0);
      this.#fill = 0;
    }
    for (; i + 64 <= n; i += 64) this.#compress(bytes, i);
    if (i < n) { this.#block.set(bytes.subarray(i), 0); this.#fill = n - i; }
    return this;
  }

  digest() {
    const bits = this.#length * 8;
    const pad = new Uint8Array((this.#fill < 56 ? 64 : 128) - this.#fill);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(pad.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(pad.length - 4, bits >>> 0);
    this.update(pad);
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let j = 0; j < 8; j++) outView.setUint32(j * 4, this.#h[j]);
    return out;
  }

  hex() { return hex(this.digest()); }

  #compress(b, off) {
    const w = this.#w;
    const h = this.#h;
    for (let t = 0; t < 16; t++) {
      const j = off + t * 4;
      w[t] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15], y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = h[0], c1 = h[1], c2 = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & c1) ^ (a & c2) ^ (c1 & c2))) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0; d = c2; c2 = c1; c1 = a; a = (t1 + t2) | 0;
    }
    h[0] += a; h[1] += c1; h[2] += c2; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
  }
}

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
