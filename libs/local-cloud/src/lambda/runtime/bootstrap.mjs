// The runtime inside one execution environment (a child process), as Lambda's Node.js runtime behaves:
// it loads the handler once (init), then runs one invocation at a time, so module scope persists between
// warm invokes. Everything the function prints travels to the parent over IPC, in order with the result,
// which a separate stdout pipe would not guarantee.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

let handler;
let requestId;

const send = (message) => process.send?.(message);

for (const stream of ['stdout', 'stderr']) {
  process[stream].write = (chunk, encoding, callback) => {
    send({ type: 'log', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) done();
    return true;
  };
}

// Lambda's console: the Text format (timestamp, request id, level, message) or, with LoggingConfig
// LogFormat JSON, one JSON object per call, filtered by the application log level.
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const json = process.env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
const minimum = json ? LEVELS.indexOf(process.env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO') : 0;
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
  console[method] = (...args) => {
    if (LEVELS.indexOf(level) < minimum) return;
    const timestamp = new Date().toISOString();
    if (!json) return process.stdout.write(`${timestamp}\t${requestId ?? 'undefined'}\t${level}\t${format(...args)}\n`);
    const message = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? args[0] : format(...args);
    process.stdout.write(`${JSON.stringify({ timestamp, level, requestId, message })}\n`);
  };
}

function errorOf(err, fallbackType) {
  if (err instanceof Error) {
    return { errorType: err.name || fallbackType, errorMessage: err.message, trace: (err.stack ?? '').split('\n') };
  }
  return { errorType: fallbackType, errorMessage: typeof err === 'string' ? err : JSON.stringify(err) };
}

class RuntimeError extends Error {
  constructor(name, message, options) {
    super(message, options);
    this.name = name;
  }
}

function moduleFile(taskRoot, modulePath) {
  for (const extension of ['.mjs', '.cjs', '.js']) {
    const file = join(taskRoot, `${modulePath}${extension}`);
    if (existsSync(file)) return file;
  }
  throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${modulePath}'`);
}

async function loadHandler(taskRoot, handlerString) {
  const slash = handlerString.lastIndexOf('/');
  const [name, ...path] = handlerString.slice(slash + 1).split('.');
  if (!name || path.length === 0) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}`);
  const file = moduleFile(taskRoot, `${handlerString.slice(0, slash + 1)}${name}`);
  let loaded;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (err) {
    throw new RuntimeError('Runtime.ImportModuleError', `${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const fn = path.reduce((target, key) => target?.[key], loaded) ?? path.reduce((target, key) => target?.[key], loaded.default);
  if (typeof fn !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  return fn;
}

function contextOf(invocation) {
  return {
    ...invocation.context,
    awsRequestId: invocation.requestId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function run(fn, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err ? reject(err) : resolve(result));
    Promise.resolve()
      .then(() => fn(event, context, callback))
      .then((result) => {
        if (result !== undefined || fn.length < 3) resolve(result);
      }, reject);
  });
}

async function invoke(invocation) {
  requestId = invocation.requestId;
  process.env._X_AMZN_TRACE_ID = invocation.traceId;
  try {
    const result = await run(handler, invocation.event, contextOf(invocation));
    const payload = JSON.stringify(result === undefined ? null : result);
    send({ type: 'result', requestId: invocation.requestId, ok: true, payload, rss: process.memoryUsage().rss });
  } catch (err) {
    send({ type: 'result', requestId: invocation.requestId, ok: false, error: errorOf(err, 'Error'), rss: process.memoryUsage().rss });
  }
}

process.on('message', async (message) => {
  if (message.type === 'init') {
    const started = performance.now();
    try {
      handler = await loadHandler(message.taskRoot, message.handler);
      send({ type: 'ready', initMs: performance.now() - started });
    } catch (err) {
      send({ type: 'init-error', error: errorOf(err, 'Runtime.ImportModuleError'), initMs: performance.now() - started });
    }
  } else if (message.type === 'invoke') {
    await invoke(message);
  }
});

for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => {
    const type = event === 'unhandledRejection' ? 'Runtime.UnhandledPromiseRejection' : 'Runtime.UncaughtException';
    send({ type: 'crash', requestId, error: errorOf(err, type) });
    process.exitCode = 129;
    setImmediate(() => process.exit(129));
  });
}

// An environment never outlives the local cloud that started it.
process.on('disconnect', () => process.exit(0));
