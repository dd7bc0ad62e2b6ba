import http from 'node:http';
import { startMailSink } from '../support/mailSink.ts';
import { mailboxUrl, mailSinkPorts, type SunkMail } from './mailbox.ts';

/**
 * The e2e run's mail sink, started by playwright.config.ts before the Plit server (webServer
 * entries start in order): SMTP on one loopback port, what it received as JSON on another.
 * Run with `node tests/e2e/mailSink.ts`; E2E_SMTP_PORT and E2E_MAILBOX_PORT move it.
 */
const ports = mailSinkPorts();
const sink = await startMailSink({ port: ports.smtp });

const server = http.createServer((request, response) => {
  if (request.method !== 'GET' || request.url !== '/messages') {
    response.writeHead(404).end();
    return;
  }
  const mails: SunkMail[] = sink.received.map(({ to, subject, text, html }) => ({ to, subject, text, html }));
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(mails));
});
await new Promise<void>((resolve) => server.listen(ports.http, '127.0.0.1', resolve));
console.log(`mail sink: SMTP on ${sink.url}, received mail at ${mailboxUrl()}`);

const stop = () => {
  server.close();
  void sink.close().then(() => process.exit(0));
  // A client that holds its SMTP connection open must not keep the run waiting.
  setTimeout(() => process.exit(0), 2000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
