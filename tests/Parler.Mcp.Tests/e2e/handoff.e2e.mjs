// End-to-end: a real `parler hub` and two real `parler mcp` servers, driven through the official MCP TypeScript SDK.
// Usage: node handoff.e2e.mjs /path/to/parler
// Prints timings as "timing <name> <ms>" lines and exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const parler = process.argv[2];
if (!parler) {
  console.error('usage: node handoff.e2e.mjs /path/to/parler');
  process.exit(2);
}

const OVERALL_TIMEOUT_MS = 180_000;
const CONTEXT = 'Goal: rotate the signing keys.\nDone: new key in vault, endpoints in src/auth.rs.\nNext: wire the login UI.';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'parler-mcp-e2e-'));
const agents = [];
const results = [];
let hub;

const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PARLER_')));
baseEnv.NO_COLOR = '1';

function timing(name, ms) {
  console.log(`timing ${name} ${ms.toFixed(1)}`);
}

function step(text) {
  console.log(`step ${text}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `parler hub` and resolves with its URL once it prints it (its first stdout line). */
async function startHub() {
  const port = await freePort();
  const child = spawn(parler, ['hub', '--addr', `127.0.0.1:${port}`, '--db', path.join(scratch, 'hub.db')], {
    env: { ...baseEnv, PARLER_HOME: path.join(scratch, 'hub-home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  child.stderr.on('data', chunk => log.push(chunk.toString()));
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the hub printed no URL within 30 s\n${log.join('')}`)), 30_000);
    child.stdout.on('data', chunk => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find(l => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code}) before printing its URL\n${log.join('')}`));
    });
  });
  return { child, url, log };
}

/** Spawns `parler mcp` for one identity through the SDK's stdio transport and completes initialize. */
async function connectAgent(name, hubUrl, extraEnv = {}) {
  const transport = new StdioClientTransport({
    command: parler,
    args: ['mcp'],
    env: { ...baseEnv, PARLER_HOME: path.join(scratch, name), PARLER_HUB: hubUrl, PARLER_NAME: name, ...extraEnv },
    stderr: 'pipe',
  });
  const agent = { name, transport, log: [], errors: [], home: path.join(scratch, name) };
  transport.stderr.on('data', chunk => agent.log.push(chunk.toString()));
  agent.client = new Client({ name: `parler-e2e-${name}`, version: '1.0.0' });
  agent.client.onerror = error => agent.errors.push(error);
  agents.push(agent);
  const started = performance.now();
  await agent.client.connect(transport);
  agent.connectMs = performance.now() - started;
  return agent;
}

/** Calls a tool; fails unless the result's isError matches what the caller expects. Returns the result's text. */
async function call(agent, tool, args = {}, { expectError = false } = {}) {
  const result = await agent.client.callTool({ name: tool, arguments: args }, undefined, { timeout: 90_000 });
  const text = result.content.map(c => c.text ?? '').join('\n');
  results.push(text);
  if (process.env.PARLER_E2E_VERBOSE) {
    console.log(`--- ${agent.name} ${tool} ${JSON.stringify(args)}\n${text}`);
  }
  if (Boolean(result.isError) !== expectError) {
    throw new Error(`${agent.name}: ${tool} ${expectError ? 'should have failed but returned' : 'failed'}:\n${text}`);
  }
  return text;
}

function frameOf(from, body) {
  const escaped = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<<peer-content id=(\\w+) seq=\\d+ from="${from}" agent=pa\\w+ verified=true>>\\n${escaped}\\n<</peer-content id=\\1>>`);
}

async function noHubScenario() {
  step('initialize answers at once with no hub running, and a tool says how to start one');
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const lonely = await connectAgent('lonely', nowhere);
  timing('initialize_without_hub_ms', lonely.connectMs);
  assert.ok(lonely.connectMs < 15_000, `initialize took ${lonely.connectMs} ms`);
  assert.match(lonely.client.getInstructions() ?? '', /peer-content/, 'server instructions explain peer content');

  const pingStarted = performance.now();
  await lonely.client.ping();
  timing('ping_roundtrip_ms', performance.now() - pingStarted);

  const { tools } = await lonely.client.listTools();
  const names = tools.map(t => t.name);
  for (const expected of ['agent_whoami', 'rooms_list', 'rooms_roster', 'invites_mint', 'invites_redeem', 'messages_post', 'messages_read',
    'session_open', 'session_join', 'requests_list', 'requests_approve', 'requests_deny', 'members_remove', 'handoffs_post', 'tasks_status']) {
    assert.ok(names.includes(expected), `tools/list lacks ${expected}: ${names.join(', ')}`);
  }
  for (const tool of tools) {
    const properties = Object.keys(tool.inputSchema.properties ?? {});
    assert.ok(!properties.includes('nonce') && !properties.includes('signature'), `${tool.name} asks for nonce or signature`);
  }
  assert.equal(tools.find(t => t.name === 'rooms_list').annotations?.readOnlyHint, true, 'rooms_list is read-only');

  const error = await call(lonely, 'agent_whoami', {}, { expectError: true });
  assert.match(error, /Cannot reach the hub at http:\/\/127\.0\.0\.1:\d+/);
  assert.match(error, /parler hub/);
  await lonely.client.close();
}

async function handoffScenario() {
  step('start a hub');
  hub = await startHub();

  step('alice opens a session with context');
  const alice = await connectAgent('alice', hub.url);
  timing('initialize_alice_ms', alice.connectMs);
  const opened = await call(alice, 'session_open', { topic: 'auth-redesign', context: CONTEXT });
  const key = opened.match(/KEY: ([A-Z0-9]{8})/)?.[1];
  const room = opened.match(/\((rm_[0-9a-f]+)\)/)?.[1];
  assert.ok(key && room, `no key or room in:\n${opened}`);
  assert.match(opened, new RegExp(`claude mcp add parler -e PARLER_SESSION_KEY=${key}( -e PARLER_HUB=\\S+)? -- parler mcp`));

  step('bob starts with only the key and knocks in the background; alice sees the knock land');
  const bob = await connectAgent('bob', hub.url, { PARLER_SESSION_KEY: key });
  timing('initialize_bob_ms', bob.connectMs);
  let seen = '';
  const knockDeadline = performance.now() + 30_000;
  while (!/asked to join/.test(seen)) {
    assert.ok(performance.now() < knockDeadline, `no knock reached alice's room within 30 s:\n${seen}\n--- bob stderr\n${bob.log.join('')}`);
    seen += await call(alice, 'messages_read', { room, wait: 10 });
  }

  step('alice lists and approves the request');
  const requests = await call(alice, 'requests_list', { room });
  const bobId = JSON.parse(requests).requests.find(r => r.name === 'bob')?.agent_id;
  assert.ok(bobId, `bob is not waiting:\n${requests}`);
  const approved = await call(alice, 'requests_approve', { room, agent: bobId });
  assert.match(approved, /"status":"active"/);

  step('bob gets the full context, framed as alice\'s verified words');
  const joined = await call(bob, 'session_join');
  assert.match(joined, /^approved: you are in session "auth-redesign"/);
  assert.match(joined, frameOf('alice', CONTEXT), `context not framed as alice's verified words:\n${joined}`);

  const resource = await bob.client.readResource({ uri: 'parler://session' });
  assert.match(resource.contents[0].text, /Goal: rotate the signing keys/);
  const prompt = await bob.client.getPrompt({ name: 'continue_handoff', arguments: { room } });
  assert.match(prompt.messages[0].content.text, /tasks_status/);

  step('bob hands off to alice; alice sees HANDOFF TO YOU');
  const handed = await call(bob, 'handoffs_post', { room, for: 'alice', summary: 'context read, plan agreed', next: 'review the login UI patch' });
  const handoffId = handed.match(/"handoff_id":"(ho_[0-9a-f]+)"/)?.[1];
  assert.ok(handoffId, handed);
  const banner = await call(alice, 'messages_read', { room, wait: 10 });
  assert.match(banner, new RegExp(`=== HANDOFF TO YOU === handoff ${handoffId} in room ${room} from "bob" \\(pa\\w+\\), verified`), banner);
  assert.match(banner, /part=next>>\nreview the login UI patch\n/);
  await call(alice, 'tasks_status', { room, handoff: handoffId, status: 'accepted' });
  await call(alice, 'messages_read', { room });

  step('a waiting read does not block another tool, and wakes when bob posts');
  let readReturned = null;
  const waiting = call(alice, 'messages_read', { room, wait: 20 }).then(text => {
    readReturned = performance.now();
    return text;
  });
  const whoamiStarted = performance.now();
  const me = await call(alice, 'agent_whoami');
  const whoamiReturned = performance.now();
  assert.equal(readReturned, null, 'agent_whoami waited for the pending messages_read');
  assert.match(me, /"name":"alice"/);
  timing('whoami_during_waiting_read_ms', whoamiReturned - whoamiStarted);

  const postStarted = performance.now();
  await call(bob, 'messages_post', { room, body: 'ping from bob' });
  const postReturned = performance.now();
  const woken = await waiting;
  timing('post_roundtrip_ms', postReturned - postStarted);
  timing('wakeup_after_post_ms', readReturned - postStarted);
  assert.match(woken, frameOf('bob', 'ping from bob'), woken);

  step('bob reads alice\'s acceptance');
  const status = await call(bob, 'messages_read', { room });
  assert.match(status, new RegExp(`"alice" \\(pa\\w+\\) reports ${handoffId}: "accepted"`), status);

  step('nothing secret in any tool result');
  for (const home of [alice.home, bob.home]) {
    const seed = JSON.parse(readFileSync(path.join(home, 'identity.json'), 'utf8')).seed;
    const tokens = Object.values(JSON.parse(readFileSync(path.join(home, 'tokens.json'), 'utf8'))).map(t => t.token);
    for (const text of results) {
      assert.ok(!text.includes(seed), 'a tool result carries an identity seed');
      assert.ok(!text.includes('plr_') && tokens.every(token => !text.includes(token)), 'a tool result carries a token');
    }
  }
}

async function main() {
  const overall = setTimeout(() => {
    console.error(`e2e: did not finish within ${OVERALL_TIMEOUT_MS / 1000} s`);
    report();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  try {
    await noHubScenario();
    await handoffScenario();
    for (const agent of agents) {
      assert.deepEqual(agent.errors.map(String), [], `${agent.name}: transport errors (is stdout only JSON-RPC?)`);
    }
    console.log('e2e: ok');
  } finally {
    clearTimeout(overall);
    await Promise.allSettled(agents.map(a => a.client.close()));
    hub?.child.kill('SIGTERM');
  }
}

function report() {
  for (const agent of agents) {
    console.error(`--- ${agent.name} stderr\n${agent.log.join('')}`);
  }
  if (hub) {
    console.error(`--- hub stderr\n${hub.log.join('')}`);
  }
}

try {
  await main();
  rmSync(scratch, { recursive: true, force: true });
} catch (error) {
  console.error(`e2e: FAILED: ${error.stack ?? error}`);
  report();
  process.exitCode = 1;
}
