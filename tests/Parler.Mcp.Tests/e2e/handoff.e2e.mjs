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
import { ElicitRequestSchema, LoggingMessageNotificationSchema, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const parler = process.argv[2];
if (!parler) {
  console.error('usage: node handoff.e2e.mjs /path/to/parler');
  process.exit(2);
}

const OVERALL_TIMEOUT_MS = 300_000;
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
async function connectAgent(name, hubUrl, extraEnv = {}, { elicit = null } = {}) {
  const transport = new StdioClientTransport({
    command: parler,
    args: ['mcp'],
    env: { ...baseEnv, PARLER_HOME: path.join(scratch, name), PARLER_HUB: hubUrl, PARLER_NAME: name, ...extraEnv },
    stderr: 'pipe',
  });
  const agent = { name, transport, log: [], errors: [], home: path.join(scratch, name) };
  transport.stderr.on('data', chunk => agent.log.push(chunk.toString()));
  agent.client = new Client({ name: `parler-e2e-${name}`, version: '1.0.0' }, { capabilities: elicit ? { elicitation: {} } : {} });
  agent.client.onerror = error => agent.errors.push(error);
  agent.notifications = [];
  agent.client.fallbackNotificationHandler = async notification => { agent.notifications.push(notification); };
  agent.client.setNotificationHandler(LoggingMessageNotificationSchema, notification => { agent.notifications.push(notification); });
  agent.client.setNotificationHandler(ResourceUpdatedNotificationSchema, notification => { agent.notifications.push(notification); });
  if (elicit) {
    agent.client.setRequestHandler(ElicitRequestSchema, async request => elicit(request.params.message));
  }
  agents.push(agent);
  const started = performance.now();
  await agent.client.connect(transport);
  agent.connectMs = performance.now() - started;
  // Listing caches each tool's output schema in the SDK client, which then checks every structured result against it.
  agent.shaped = new Set((await agent.client.listTools()).tools.filter(t => t.outputSchema).map(t => t.name));
  return agent;
}

/** Calls a tool; fails unless the result's isError matches what the caller expects. Returns the result's text. */
async function call(agent, tool, args = {}, { expectError = false, options = { timeout: 90_000 } } = {}) {
  const result = await agent.client.callTool({ name: tool, arguments: args }, undefined, options);
  const text = result.content.map(c => c.text ?? '').join('\n');
  results.push(text);
  if (process.env.PARLER_E2E_VERBOSE) {
    console.log(`--- ${agent.name} ${tool} ${JSON.stringify(args)}\n${text}`);
  }
  if (Boolean(result.isError) !== expectError) {
    throw new Error(`${agent.name}: ${tool} ${expectError ? 'should have failed but returned' : 'failed'}:\n${text}`);
  }
  if (!result.isError && agent.shaped?.has(tool)) {
    assert.equal(typeof result.structuredContent, 'object', `${tool} declares an output schema, so it answers structured content`);
  }
  return text;
}

/** A tool's JSON answer, without the note of waiting knocks a result may end with. */
function json(text) {
  return JSON.parse(text.split('\n\n[parler]')[0]);
}

function frameOf(from, body) {
  const escaped = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<<peer-content id=(\\w+) seq=\\d+ from="${from}" agent=pa\\w+ verified=true>>\\n${escaped}\\n<</peer-content id=\\1>>`);
}

async function noHubScenario() {
  step('initialize answers at once with no hub running, and a tool says what to do next');
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const lonely = await connectAgent('lonely', nowhere);
  timing('initialize_without_hub_ms', lonely.connectMs);
  assert.ok(lonely.connectMs < 15_000, `initialize took ${lonely.connectMs} ms`);
  assert.match(lonely.client.getInstructions() ?? '', /peer-content/, 'server instructions explain peer content');

  const pingStarted = performance.now();
  await lonely.client.ping();
  timing('ping_roundtrip_ms', performance.now() - pingStarted);

  const listed = await lonely.client.listTools();
  const { tools } = listed;
  const size = JSON.stringify(listed).length;
  console.log(`tools_list default ${tools.length} tools ${size} chars: ${tools.map(t => t.name).join(', ')}`);
  assert.ok(size < 12_000, `the default tools/list is ${size} characters`);
  const names = tools.map(t => t.name);
  for (const expected of ['parler_open_session', 'parler_join_session', 'parler_join_requests', 'parler_approve_join', 'parler_deny_join',
    'parler_send', 'parler_recv', 'parler_handoff', 'parler_task', 'parler_rooms', 'parler_roster', 'parler_next_steps']) {
    assert.ok(names.includes(expected), `tools/list lacks ${expected}: ${names.join(', ')}`);
  }
  const http = /\/v1\/|\bRFC\b|\b(GET|POST|PUT|DELETE) |Idempotency-Key/;
  for (const tool of tools) {
    assert.ok(tool.title, `${tool.name} has no title`);
    assert.ok(!http.test(tool.description), `${tool.name} talks HTTP: ${tool.description}`);
    assert.equal(tool.annotations?.openWorldHint, true, `${tool.name}: openWorldHint`);
    for (const [name, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
      assert.ok(schema.description, `${tool.name}.${name} is not described`);
      assert.ok(!http.test(schema.description), `${tool.name}.${name} talks HTTP`);
      assert.ok(!['nonce', 'signature', 'idempotency_key'].includes(name), `${tool.name} asks for ${name}`);
    }
  }
  assert.equal(tools.find(t => t.name === 'parler_rooms').annotations?.readOnlyHint, true, 'parler_rooms is read-only');
  assert.notEqual(tools.find(t => t.name === 'parler_send').annotations?.idempotentHint, true, 'parler_send posts twice when called twice');
  assert.equal(tools.find(t => t.name === 'parler_send').annotations?.destructiveHint, false, 'parler_send removes nothing');
  assert.ok(lonely.client.getServerCapabilities()?.experimental?.['claude/channel'], 'the claude/channel capability is declared');
  assert.equal(lonely.client.getServerCapabilities()?.resources?.subscribe, true, 'resources/subscribe is supported');

  const error = await call(lonely, 'parler_rooms', {}, { expectError: true });
  assert.match(error, /Cannot reach the hub at http:\/\/127\.0\.0\.1:\d+/);
  assert.match(error, /Tell your person/);
  assert.doesNotMatch(error, /parler hub/, 'a tool error names no CLI command');
  await lonely.client.close();
}

/** Polls until check() returns a truthy value or the deadline passes. */
async function until(what, check, ms = 30_000) {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    assert.ok(performance.now() < deadline, `timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function handoffScenario() {
  step('start a hub');
  hub = await startHub();

  step('alice (her client can ask her person) opens a session with context');
  const asked = [];
  const alice = await connectAgent('alice', hub.url, {}, {
    elicit: message => {
      asked.push(message);
      return /"carol"/.test(message) ? { action: 'decline' } : { action: 'accept', content: {} };
    },
  });
  timing('initialize_alice_ms', alice.connectMs);
  const opened = await call(alice, 'parler_open_session', { topic: 'auth-redesign', context: CONTEXT });
  const key = opened.match(/KEY: ([A-Z0-9]{8})/)?.[1];
  const room = opened.match(/\((rm_[0-9a-f]+)\)/)?.[1];
  assert.ok(key && room, `no key or room in:\n${opened}`);
  assert.match(opened, new RegExp(`claude mcp add parler -e PARLER_SESSION_KEY=${key} -e PARLER_HUB=${hub.url.replace(/\/$/, '')} -e PARLER_HOME=~/\\.parler-joiner -- parler mcp`));

  step('a waiting read at the SDK default timeout (60 s) with a progress token: it returns, never -32001');
  const patient = await connectAgent('patient', hub.url);
  let beats = 0;
  const longReadStarted = performance.now();
  const longRead = call(patient, 'parler_recv', { wait: 50 }, { options: { onprogress: () => { beats++; } } })
    .then(text => ({ text, ms: performance.now() - longReadStarted }));

  step('bob starts with only the key and knocks; alice\'s person is asked and accepts; bob lands with the context');
  const knocked = performance.now();
  const bob = await connectAgent('bob', hub.url, { PARLER_SESSION_KEY: key });
  timing('initialize_bob_ms', bob.connectMs);
  await until('the elicitation for bob', () => asked.find(m => /"bob"/.test(m)));
  timing('knock_to_elicitation_ms', performance.now() - knocked);
  assert.match(asked.find(m => /"bob"/.test(m)), /^"bob" \(pa\w+…, verified id\) asks to join 'auth-redesign'.*read the whole room/s);
  const joined = await until('bob approved', async () => {
    const text = await call(bob, 'parler_join_session', { wait: 5 });
    return text.startsWith('approved') ? text : null;
  });
  timing('knock_to_context_ms', performance.now() - knocked);
  assert.match(joined, /^approved: you are in session "auth-redesign"/);
  assert.match(joined, frameOf('alice', CONTEXT), `context not framed as alice's verified words:\n${joined}`);

  const resource = await bob.client.readResource({ uri: 'parler://session' });
  assert.match(resource.contents[0].text, /Goal: rotate the signing keys/);
  const prompt = await bob.client.getPrompt({ name: 'continue_handoff', arguments: { room } });
  assert.match(prompt.messages[0].content.text, /parler_task/);

  step('carol knocks; alice\'s person rejects; carol is turned away and reads nothing');
  const carol = await connectAgent('carol', hub.url, { PARLER_SESSION_KEY: key });
  await until('the elicitation for carol', () => asked.find(m => /"carol"/.test(m)));
  const refused = await until('carol denied', async () => {
    const result = await carol.client.callTool({ name: 'parler_join_session', arguments: {} });
    const text = result.content.map(c => c.text ?? '').join('\n');
    return result.isError ? text : null;
  });
  assert.match(refused, /refused|denied|forbidden/i, refused);
  const roster = json(await call(alice, 'parler_roster', { room }));
  assert.ok(roster.members.every(m => m.name !== 'carol'), `carol is a member: ${JSON.stringify(roster)}`);

  step('bob hands off to alice by name; alice sees HANDOFF TO YOU and gets a channel event');
  const handed = await call(bob, 'parler_handoff', { room, for: 'alice', summary: 'context read, plan agreed', next: 'review the login UI patch' });
  const handoffId = handed.match(/"handoff_id":"(ho_[0-9a-f]+)"/)?.[1];
  assert.ok(handoffId, handed);
  const banner = await until('the banner', async () => {
    const text = await call(alice, 'parler_recv', { room, wait: 10 });
    return /HANDOFF TO YOU/.test(text) ? text : null;
  });
  assert.match(banner, new RegExp(`=== HANDOFF TO YOU === handoff ${handoffId} in room ${room} from "bob" \\(pa\\w+\\), verified`), banner);
  assert.match(banner, /part=next>>\nreview the login UI patch\n/);
  const channel = await until('the channel event', () => alice.notifications.find(n => n.method === 'notifications/claude/channel' && n.params?.meta?.kind === 'handoff'));
  assert.match(channel.params.content, /HANDOFF TO YOU/);

  step('parler_task is marked idempotent: the same report twice lands once');
  assert.equal((await alice.client.listTools()).tools.find(t => t.name === 'parler_task').annotations.idempotentHint, true);
  const first = await call(alice, 'parler_task', { room, handoff: handoffId, status: 'accepted' });
  const again = await call(alice, 'parler_task', { room, handoff: handoffId, status: 'accepted' });
  assert.equal(again.match(/"seq":(\d+)/)?.[1], first.match(/"seq":(\d+)/)?.[1], `two reports:\n${first}\n${again}`);
  const reports = await call(bob, 'parler_recv', { room });
  assert.equal((reports.match(new RegExp(`reports ${handoffId}: "accepted"`, 'g')) ?? []).length, 1, reports);

  step('parler_approve_join is marked idempotent: approving bob again changes nothing');
  const before = json(await call(alice, 'parler_roster', { room }));
  await alice.client.callTool({ name: 'parler_approve_join', arguments: { room, agent: before.members.find(m => m.name === 'bob').agent_id } });
  const after = json(await call(alice, 'parler_roster', { room }));
  assert.deepEqual(after.members, before.members);

  step('bad arguments name the argument; a 1 MiB body is body_too_large');
  const badBody = await call(alice, 'parler_send', { room, body: 42 }, { expectError: true });
  assert.match(badBody, /'body' must be a string/);
  const badWait = await call(alice, 'parler_recv', { room, wait: 'soon' }, { expectError: true });
  assert.match(badWait, /'wait' must be a whole number/);
  const huge = await call(alice, 'parler_send', { room, body: 'x'.repeat(1024 * 1024) }, { expectError: true });
  assert.match(huge, /^body_too_large: 'body' is 1048576 bytes and parler_send takes at most 65536/);

  step('a waiting read does not block another tool, and wakes when bob posts');
  await call(alice, 'parler_recv', { room });
  let readReturned = null;
  const waiting = call(alice, 'parler_recv', { room, wait: 20 }).then(text => {
    readReturned = performance.now();
    return text;
  });
  const rosterStarted = performance.now();
  await call(alice, 'parler_rooms');
  const rosterReturned = performance.now();
  assert.equal(readReturned, null, 'parler_rooms waited for the pending parler_recv');
  timing('tool_during_waiting_read_ms', rosterReturned - rosterStarted);

  const postStarted = performance.now();
  await call(bob, 'parler_send', { room, body: 'ping from bob' });
  const postReturned = performance.now();
  const woken = await waiting;
  timing('post_roundtrip_ms', postReturned - postStarted);
  timing('wakeup_after_post_ms', readReturned - postStarted);
  assert.match(woken, frameOf('bob', 'ping from bob'), woken);

  step('a direct message by name reaches alice\'s inbox (no room) and her channel');
  await call(bob, 'parler_send', { to: 'alice', body: 'a word in private' });
  const inbox = await call(alice, 'parler_recv', { wait: 10 });
  assert.match(inbox, /== direct room/);
  assert.match(inbox, frameOf('bob', 'a word in private'), inbox);
  await until('the dm channel event', () => alice.notifications.find(n => n.method === 'notifications/claude/channel' && n.params?.meta?.kind === 'dm'));

  step('dave\'s client cannot ask: a knock is a log line, a session resource update, and a note in the next result');
  const dave = await connectAgent('dave', hub.url);
  const daveOpened = await call(dave, 'parler_open_session', { topic: 'quiet-room', context: 'dave context' });
  const daveKey = daveOpened.match(/KEY: ([A-Z0-9]{8})/)[1];
  const daveRoom = daveOpened.match(/\((rm_[0-9a-f]+)\)/)[1];
  await dave.client.subscribeResource({ uri: 'parler://session' });
  const erin = await connectAgent('erin', hub.url, { PARLER_SESSION_KEY: daveKey });
  const log = await until('the log line', () => dave.notifications.find(n => n.method === 'notifications/message' && /"erin"/.test(String(n.params.data))));
  assert.match(String(log.params.data), /asks to join 'quiet-room'/);
  await until('the resource update', () => dave.notifications.find(n => n.method === 'notifications/resources/updated' && n.params.uri === 'parler://session'));
  const noted = await call(dave, 'parler_rooms');
  assert.match(noted, /Waiting for your person's decision[\s\S]*"erin"[\s\S]*parler_approve_join/, noted);
  const sessionText = (await dave.client.readResource({ uri: 'parler://session' })).contents[0].text;
  assert.match(sessionText, /"erin"/);
  const erinId = json(await call(dave, 'parler_join_requests', { room: daveRoom })).requests.find(r => r.name === 'erin').agent_id;
  await call(dave, 'parler_approve_join', { room: daveRoom, agent: erinId });
  assert.match(await call(erin, 'parler_join_session'), /^approved/);

  step('the long read returned at its own deadline, with progress, and no timeout');
  const { text: longText, ms: longMs } = await longRead;
  timing('long_read_ms', longMs);
  assert.match(longText, /Nothing new from others in any of your/);
  assert.ok(beats >= 3, `only ${beats} progress notifications in a 50 s wait`);

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
