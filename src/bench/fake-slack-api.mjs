// The Slack Web API fake for the multi-process load bench, in its own process (so its work is not counted
// against the bot's): answers every call ok, tells its parent (IPC) the thread of each posted reply, and
// counts the calls per method, sent on the parent's `{ counts: true }` (Web API calls per message).
import { createServer } from 'node:http';

let ts = 1;
const calls = {};
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => {
    raw += c;
  });
  req.on('end', () => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    calls[method] = (calls[method] ?? 0) + 1;
    const params = new URLSearchParams(raw);
    const thread = params.get('thread_ts');
    if (method === 'chat.postMessage' && thread) process.send?.({ thread });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, ts: `${++ts}.0`, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }));
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (m) => {
  if (m?.counts) process.send?.({ counts: { ...calls } });
});
process.on('disconnect', () => process.exit(0));
