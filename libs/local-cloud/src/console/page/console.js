// The console's page script: plain browser JavaScript, no framework, no build step. It reads the console's
// JSON API (./api/*) and the AppConfig admin interface; every text goes in through textContent.
const base = location.pathname.replace(/\/$/, '');
const $ = (id) => document.getElementById(id);
const rendered = new Map(); // what each section last showed: re-rendering the same data would steal focus

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== undefined && c !== null).map((c) => (typeof c === 'string' ? document.createTextNode(c) : c)));
  return node;
}

async function getJson(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
  return body;
}

function unavailable(stateId, message) {
  const state = $(stateId);
  state.className = 'note unavailable';
  state.textContent = `Not available: ${message}`;
}

function changed(key, data) {
  const text = JSON.stringify(data);
  if (rendered.get(key) === text) return false;
  rendered.set(key, text);
  return true;
}

const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');
// A request, its invocation and its event happen within one second: the timeline shows milliseconds.
const preciseTime = (iso) => (iso ? `${time(iso)}.${String(new Date(iso).getMilliseconds()).padStart(3, '0')}` : '');

// Activity: the console follows the EventBridge, Lambda and API Gateway streams; the page asks for what it has not seen.
const STREAMS = { eventbridge: 'Event stream', lambda: 'Invocation stream', apigateway: 'API request stream' };
let lastSeq = 0;
async function pollEvents() {
  try {
    const { streams, entries } = await getJson(`${base}/api/events?since=${lastSeq}`);
    if (changed('streams', streams)) {
      $('events-state').className = 'note';
      $('events-state').replaceChildren(...Object.entries(STREAMS).map(([name, label]) => streamStatus(label, streams[name])));
    }
    for (const entry of entries) {
      lastSeq = entry.seq;
      $('events').prepend(activityRow(entry));
    }
  } catch (err) {
    rendered.delete('streams');
    unavailable('events-state', err.message);
  }
}

function streamStatus(label, status) {
  if (status?.state === 'unavailable') return el('span', { class: 'unavailable' }, `${label} not available: ${status.reason} `);
  return el('span', {}, `${label} ${status?.state ?? 'unknown'}. `);
}

function activityRow(entry) {
  const [what, detail] = describeEntry(entry);
  const ids = entry.correlationIds.map((id) => el('button', { class: 'link mono', type: 'button', onclick: () => showTimeline(id) }, id));
  return el('tr', { 'data-kind': entry.kind }, el('td', {}, time(entry.receivedAt)), el('td', {}, what), el('td', {}, detail), el('td', { class: 'ids' }, ...(ids.length ? ids : ['—'])));
}

function describeEntry({ kind, data: d }) {
  if (kind === 'event') return [`${d.event?.['detail-type']} (${d.event?.source})`, `${d.eventBusName}: ${(d.matchedRules || []).join(', ') || 'no rule matched'}`];
  if (kind === 'delivery') return [`delivery by ${d.ruleName}`, el('span', { class: `status-${d.status}` }, `${d.status}, attempt ${d.attempt}${d.error ? `: ${d.error}` : ''}`)];
  if (kind === 'request') return [`${d.method} ${d.path}`, el('span', { class: d.status < 400 ? 'status-ok' : 'status-error' }, `${d.status} from ${d.routeKey === '-' ? 'no route' : d.routeKey}, ${d.durationMs} ms`)];
  const start = d.coldStart ? `cold start, init ${d.initMs} ms` : 'warm';
  return [`${d.functionName} (${d.trigger})`, el('span', { class: `status-${d.outcome}` }, `${d.outcome === 'ok' ? 'ok' : d.error}, ${d.durationMs} ms, ${start}`)];
}

// Timeline of one correlation id, refreshed while shown so a running workflow's states appear.
let timelineId;
async function showTimeline(correlationId) {
  timelineId = correlationId;
  $('correlation-id').value = correlationId;
  rendered.delete('timeline');
  await refreshTimeline();
  $('timeline').focus();
}

async function refreshTimeline() {
  if (!timelineId) return;
  try {
    const { items, streams } = await getJson(`${base}/api/timeline?correlationId=${encodeURIComponent(timelineId)}`);
    if (!changed('timeline', items)) return;
    const missing = Object.entries(STREAMS).filter(([name]) => streams[name]?.state === 'unavailable').map(([, label]) => label);
    const streamNote = missing.length ? ` Not shown (not available): ${missing.join(', ')}.` : '';
    $('timeline-state').className = 'note';
    $('timeline-state').textContent = `${items.length} step(s) for ${timelineId}.${streamNote}`;
    $('timeline-items').replaceChildren(...items.map((item) => el('li', { 'data-kind': item.kind }, el('span', { class: 'kind' }, item.kind), ` ${preciseTime(item.time)} `, el('strong', {}, item.title), ` — ${item.detail}`)));
  } catch (err) {
    unavailable('timeline-state', err.message);
  }
}

async function pollExecutions() {
  try {
    const { executions } = await getJson(`${base}/api/executions`);
    $('executions-state').textContent = executions.length ? '' : 'No executions yet.';
    if (!changed('executions', executions)) return;
    $('executions').replaceChildren(...executions.map((e) => el('li', {},
      el('button', { class: 'link', type: 'button', onclick: () => showExecution(e.executionArn) }, `${e.stateMachineName} / ${e.name}`),
      ' ', el('span', { class: `status-${e.status}` }, e.status), ` ${time(e.startDate)}`)));
  } catch (err) {
    unavailable('executions-state', err.message);
  }
}

async function showExecution(arn) {
  try {
    const e = await getJson(`${base}/api/execution?arn=${encodeURIComponent(arn)}`);
    const rows = e.states.map((s) => el('tr', {}, el('td', {}, s.name), el('td', {}, s.type), el('td', {}, time(s.enteredAt)), el('td', {}, time(s.exitedAt) || 'running')));
    const head = el('tr', {}, ...['State', 'Type', 'Entered', 'Exited'].map((h) => el('th', { scope: 'col' }, h)));
    $('execution-detail').replaceChildren(
      el('h3', {}, `${e.stateMachineName} / ${e.name}: `, el('span', { class: `status-${e.status}` }, e.status)),
      el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)),
      el('h4', {}, 'Input'), el('pre', {}, e.input ?? ''),
      e.error ? el('p', { class: 'unavailable' }, `${e.error}: ${e.cause ?? ''}`) : el('h4', {}, 'Output'), el('pre', {}, e.output ?? ''));
  } catch (err) {
    $('execution-detail').replaceChildren(el('p', { class: 'unavailable' }, `Not available: ${err.message}`));
  }
}

async function pollQueues() {
  try {
    const { queues } = await getJson(`${base}/api/queues`);
    if (!changed('queues', queues)) return;
    $('queues').replaceChildren(...queues.map((q) => el('tr', {},
      el('td', { class: 'mono' }, q.name), el('td', { class: 'num' }, String(q.visible)), el('td', { class: 'num' }, String(q.inFlight)), el('td', { class: 'num' }, String(q.delayed)),
      el('td', {}, q.isDeadLetterQueue ? el('button', { type: 'button', onclick: () => redrive(q), 'aria-label': `Redrive ${q.name} to its source queues` }, 'Redrive') : q.deadLetterTargetArn ? `DLQ: ${q.deadLetterTargetArn.split(':').pop()}` : ''))));
  } catch (err) {
    unavailable('queues-state', err.message);
  }
}

async function redrive(queue) {
  try {
    await getJson(`${base}/api/redrive`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sourceArn: queue.arn }) });
    $('queues-state').className = 'note';
    $('queues-state').textContent = `Redrove ${queue.name} to its source queues.`;
    await pollQueues();
  } catch (err) {
    unavailable('queues-state', err.message);
  }
}

async function loadFlags() {
  try {
    const { applications } = await getJson('/_local/appconfig');
    const groups = applications.flatMap((app) => app.environments.flatMap((env) => env.configurations.map((c) => flagGroup(app.name, env.name, c))));
    $('flags-state').textContent = groups.length ? '' : 'No feature flags deployed.';
    $('flags').replaceChildren(...groups);
  } catch (err) {
    unavailable('flags-state', `${err.message} (the appconfig service serves /_local/appconfig)`);
  }
}

function flagGroup(app, env, configuration) {
  const profile = configuration.profile.name;
  const boxes = Object.entries(configuration.flags || {}).map(([flag, value]) => {
    const id = `flag-${app}-${env}-${profile}-${flag}`.replace(/[^\w-]/g, '_');
    const box = el('input', { type: 'checkbox', id, onchange: (e) => toggleFlag(app, env, profile, flag, e.target) });
    box.checked = Boolean(value.enabled);
    return el('div', {}, box, ' ', el('label', { for: id }, flag));
  });
  return el('fieldset', {}, el('legend', {}, `${app} / ${env} / ${profile} (version ${configuration.version})`), ...boxes);
}

async function toggleFlag(app, env, profile, flag, box) {
  const path = ['applications', app, 'environments', env, 'configurations', profile, 'flags', flag].map(encodeURIComponent).join('/');
  try {
    const { version } = await getJson(`/_local/appconfig/${path}`, { method: 'PUT', body: JSON.stringify({ enabled: box.checked }) });
    $('flags-state').className = 'note';
    $('flags-state').textContent = `${flag} is now ${box.checked ? 'on' : 'off'} in ${env} (version ${version}).`;
  } catch (err) {
    box.checked = !box.checked;
    unavailable('flags-state', err.message);
  }
}

async function loadFunctions() {
  try {
    const { functions } = await getJson(`${base}/api/functions`);
    $('functions-state').textContent = functions.length ? '' : 'No functions.';
    $('functions').replaceChildren(...functions.map((f) => el('li', {}, el('button', { class: 'link', type: 'button', onclick: () => showLogs(f.name) }, f.name), ` ${f.runtime ?? ''} ${f.memorySize ?? ''} MB`)));
  } catch (err) {
    unavailable('functions-state', err.message);
  }
}

async function showLogs(name) {
  try {
    const { functionName, lines, coldStarts } = await getJson(`${base}/api/logs?function=${encodeURIComponent(name)}`);
    $('function-logs').replaceChildren(el('h3', {}, functionName),
      el('p', {}, `${coldStarts.length} cold start(s)${coldStarts.length ? `; init ${coldStarts.map((c) => `${c.initMs} ms`).join(', ')}` : ''}`),
      el('pre', { tabindex: '0', 'aria-label': `Log lines of ${functionName}` }, lines.map((l) => `${l.time} ${l.message}`).join('\n')));
  } catch (err) {
    $('function-logs').replaceChildren(el('p', { class: 'unavailable' }, `Not available: ${err.message}`));
  }
}

$('timeline-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void showTimeline($('correlation-id').value.trim());
});

async function tick() {
  await Promise.all([pollEvents(), pollExecutions(), pollQueues(), refreshTimeline()]);
  $('status').textContent = `Updated ${new Date().toLocaleTimeString()}.`;
}
void loadFlags();
void loadFunctions();
void tick();
setInterval(() => void tick(), 1500);
