// The browser demo page: connect to a broker over WebSockets, subscribe, publish, and list what
// arrives. Bundled with the "browser" condition, so @x/mqtt uses the page's own WebSocket.
// Text from the network is only ever set as textContent, never parsed as HTML.
import { Client, type MqttMessage } from '@x/mqtt';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const url = element('url', HTMLInputElement);
const topic = element('topic', HTMLInputElement);
const message = element('message', HTMLInputElement);
const subscribeButton = element('subscribe', HTMLButtonElement);
const publishButton = element('publish', HTMLButtonElement);
const status = element('status', HTMLParagraphElement);
const list = element('messages', HTMLUListElement);

type State = 'idle' | 'connecting' | 'connected' | 'subscribed' | 'published' | 'disconnected' | 'error';

function show(state: State, text: string): void {
  status.dataset['state'] = state;
  status.textContent = text;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function addMessage(msg: MqttMessage): void {
  list.querySelector('.empty')?.remove();
  const item = document.createElement('li');
  const time = new Date(msg.timestamp).toLocaleTimeString();
  const name = document.createElement('span');
  name.className = 'topic';
  name.textContent = msg.topic;
  item.append(`${time} `, name, ` ${msg.text()}`);
  item.dataset['topic'] = msg.topic;
  list.prepend(item);
}

let client: Client | undefined;

element('connect-form', HTMLFormElement).addEventListener('submit', async (event) => {
  event.preventDefault();
  await client?.disconnect();
  const next = new Client();
  client = next;
  next.onMessage = (_client, _userdata, msg) => addMessage(msg);
  next.onDisconnect = (_client, _userdata, rc) => {
    if (client !== next) return;
    subscribeButton.disabled = publishButton.disabled = true;
    show('disconnected', rc === 0 ? 'Disconnected.' : `Connection lost (rc ${rc}), reconnecting...`);
  };
  next.onConnect = () => {
    subscribeButton.disabled = publishButton.disabled = false;
  };
  show('connecting', `Connecting to ${url.value}...`);
  try {
    await next.connect(url.value);
    show('connected', `Connected to ${url.value} as ${next.clientId}.`);
  } catch (error) {
    show('error', `Could not connect: ${describe(error)}`);
  }
});

element('subscribe-form', HTMLFormElement).addEventListener('submit', async (event) => {
  event.preventDefault();
  if (client === undefined) return;
  try {
    const { reasonCodes } = await client.subscribe(topic.value, 1);
    show('subscribed', `Subscribed to ${topic.value} (granted QoS ${reasonCodes.join(', ')}).`);
  } catch (error) {
    show('error', `Could not subscribe: ${describe(error)}`);
  }
});

element('publish-form', HTMLFormElement).addEventListener('submit', async (event) => {
  event.preventDefault();
  if (client === undefined) return;
  try {
    await client.publish(topic.value, message.value, 1);
    show('published', `Published "${message.value}" to ${topic.value}.`);
  } catch (error) {
    show('error', `Could not publish: ${describe(error)}`);
  }
});

const fromQuery = new URLSearchParams(location.search).get('broker');
if (fromQuery !== null) url.value = fromQuery;

