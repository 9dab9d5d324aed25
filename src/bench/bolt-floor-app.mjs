// The framework floor of the Slack load bench (slack-processes.ts): Bolt with the receiver the bot uses
// (ExpressReceiver, HTTP mode) and its Web API client, and one listener that only replies in the thread — no
// store, no conversation, no rules. Run under the bot's load, it shows what Bolt, express and the Web API client
// cost per message on this box before any of the bot's own work, so the bot's figures can be read against it.
import bolt from '@slack/bolt';

const { App, ExpressReceiver } = bolt;
const app = new App({
  receiver: new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, processBeforeResponse: false }),
  authorize: async () => ({ botToken: process.env.SLACK_BOT_TOKEN, botId: 'B1', botUserId: 'UB', teamId: 'T1' }),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  convoStore: false,
});
app.message(async ({ message, client }) => {
  await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts ?? message.ts, text: 'ok' });
});
const server = await app.start({ port: 0, host: '127.0.0.1' });
// The line the bench waits for, as `export-check serve` logs it.
process.stderr.write(`${JSON.stringify({ msg: 'export-check serving', port: server.address().port })}\n`);
process.on('SIGTERM', () => process.exit(0));
